import Foundation
import GRDB
import PostgresNIO
import WorkflowRecords

/// What the round-trip tests need of a generated record, from all three generated files:
/// the plain record (`Records.swift`), GRDB (`Records+GRDB.swift`) and PostgresNIO
/// (`Records+PostgresNIO.swift`). Every generated record conforms without extra code.
protocol RoundTripRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    static var tableName: String { get }
    static var columnNames: [String] { get }
    static var postgresSelect: String { get }
    init(postgresRow: PostgresRow) throws
    func postgresInsert() throws -> PostgresQuery
}

extension Workflow.Organization: WorkflowRecord {}
extension Workflow.User: WorkflowRecord {}
extension Workflow.OrganizationMembership: WorkflowRecord {}
extension Workflow.UserSession: WorkflowRecord {}
extension Workflow.UserPreference: WorkflowRecord {}
extension Workflow.SystemConfig: WorkflowRecord {}
extension Workflow.SchemaMigration: WorkflowRecord {}
extension Workflow.Project: WorkflowRecord {}
extension Workflow.Repository: WorkflowRecord {}
extension Workflow.ProjectRepository: WorkflowRecord {}
extension Workflow.ProjectContext: WorkflowRecord {}
extension Workflow.ProjectTemplate: WorkflowRecord {}
extension Workflow.IdeConfiguration: WorkflowRecord {}
extension Workflow.PlaywrightConfig: WorkflowRecord {}
extension Workflow.WorkflowRow: WorkflowRecord {}
extension Workflow.WorkflowExecution: WorkflowRecord {}
extension Workflow.WorkflowTypeDetection: WorkflowRecord {}
extension Workflow.QueueHistory: WorkflowRecord {}
extension Workflow.TaskTemplate: WorkflowRecord {}
extension Workflow.TaskRow: WorkflowRecord {}
extension Workflow.TaskDependency: WorkflowRecord {}
extension Workflow.TaskSuggestion: WorkflowRecord {}
extension Workflow.TaskSession: WorkflowRecord {}
extension Workflow.TaskExecution: WorkflowRecord {}
extension Workflow.PullRequest: WorkflowRecord {}
extension Workflow.Modification: WorkflowRecord {}
extension Workflow.AuditLog: WorkflowRecord {}
extension Workflow.ChatSession: WorkflowRecord {}
extension Workflow.ChatMessage: WorkflowRecord {}
extension Workflow.Conversation: WorkflowRecord {}
extension Workflow.PromptTemplate: WorkflowRecord {}
extension Workflow.AiResponseCache: WorkflowRecord {}
extension Workflow.PromptExecution: WorkflowRecord {}
extension Workflow.ContextSource: WorkflowRecord {}
extension Workflow.Codebase: WorkflowRecord {}
extension Workflow.AnalysisRun: WorkflowRecord {}
extension Workflow.TrackedFile: WorkflowRecord {}
extension Workflow.FileAnalysis: WorkflowRecord {}
extension Workflow.CodeElement: WorkflowRecord {}
extension Workflow.FileProcessingCache: WorkflowRecord {}
extension Workflow.AnalysisMetric: WorkflowRecord {}
extension Workflow.PerformanceMetric: WorkflowRecord {}
extension Workflow.QueryPerformanceLog: WorkflowRecord {}
extension Workflow.FeatureUsage: WorkflowRecord {}
extension Workflow.ProductivityEvent: WorkflowRecord {}
extension Workflow.Event: WorkflowRecord {}
extension Workflow.EventAggregation: WorkflowRecord {}
extension Workflow.EventSubscription: WorkflowRecord {}
extension Workflow.LearningModel: WorkflowRecord {}
extension Workflow.TrainingSession: WorkflowRecord {}
extension Workflow.Adaptation: WorkflowRecord {}
extension Workflow.KnowledgeItem: WorkflowRecord {}
extension Workflow.KnowledgeRelationship: WorkflowRecord {}
extension Workflow.DatabaseConnection: WorkflowRecord {}
extension Workflow.DatabaseSchema: WorkflowRecord {}
extension Workflow.ProjectInterface: WorkflowRecord {}

/// The generated PostgresNIO operations every table of the repository schema has, whatever its keys.
protocol WorkflowRecord: RoundTripRecord {
    static func postgresInsertAll(_ records: [Self], on database: some Workflow.PostgresQueryRunner, logger: Logger) async throws -> [Self]
}

enum Registry {
    /// Every generated record type. `RegistryTests` checks that this covers every table of the
    /// schema, so a new table fails the tests until it is added here (one line above, one here).
    static let all: [any RoundTripRecord.Type] = [
        Workflow.Organization.self, Workflow.User.self, Workflow.OrganizationMembership.self, Workflow.UserSession.self,
        Workflow.UserPreference.self, Workflow.SystemConfig.self, Workflow.SchemaMigration.self, Workflow.Project.self,
        Workflow.Repository.self, Workflow.ProjectRepository.self, Workflow.ProjectContext.self,
        Workflow.ProjectTemplate.self, Workflow.IdeConfiguration.self, Workflow.PlaywrightConfig.self,
        Workflow.WorkflowRow.self, Workflow.WorkflowExecution.self, Workflow.WorkflowTypeDetection.self,
        Workflow.QueueHistory.self, Workflow.TaskTemplate.self, Workflow.TaskRow.self, Workflow.TaskDependency.self,
        Workflow.TaskSuggestion.self, Workflow.TaskSession.self, Workflow.TaskExecution.self, Workflow.PullRequest.self,
        Workflow.Modification.self, Workflow.AuditLog.self, Workflow.ChatSession.self, Workflow.ChatMessage.self,
        Workflow.Conversation.self, Workflow.PromptTemplate.self, Workflow.AiResponseCache.self,
        Workflow.PromptExecution.self, Workflow.ContextSource.self, Workflow.Codebase.self, Workflow.AnalysisRun.self,
        Workflow.TrackedFile.self, Workflow.FileAnalysis.self, Workflow.CodeElement.self,
        Workflow.FileProcessingCache.self, Workflow.AnalysisMetric.self, Workflow.PerformanceMetric.self,
        Workflow.QueryPerformanceLog.self, Workflow.FeatureUsage.self, Workflow.ProductivityEvent.self,
        Workflow.Event.self, Workflow.EventAggregation.self, Workflow.EventSubscription.self,
        Workflow.LearningModel.self, Workflow.TrainingSession.self, Workflow.Adaptation.self,
        Workflow.KnowledgeItem.self, Workflow.KnowledgeRelationship.self, Workflow.DatabaseConnection.self,
        Workflow.DatabaseSchema.self, Workflow.ProjectInterface.self,
    ]

    static func type(forTable name: String) -> (any RoundTripRecord.Type)? {
        all.first { $0.tableName == name }
    }
}
