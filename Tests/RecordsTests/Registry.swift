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

extension Workflow.Organization: RoundTripRecord {}
extension Workflow.User: RoundTripRecord {}
extension Workflow.OrganizationMembership: RoundTripRecord {}
extension Workflow.UserSession: RoundTripRecord {}
extension Workflow.UserPreference: RoundTripRecord {}
extension Workflow.SystemConfig: RoundTripRecord {}
extension Workflow.SchemaMigration: RoundTripRecord {}
extension Workflow.Project: RoundTripRecord {}
extension Workflow.Repository: RoundTripRecord {}
extension Workflow.ProjectRepository: RoundTripRecord {}
extension Workflow.ProjectContext: RoundTripRecord {}
extension Workflow.ProjectTemplate: RoundTripRecord {}
extension Workflow.IdeConfiguration: RoundTripRecord {}
extension Workflow.PlaywrightConfig: RoundTripRecord {}
extension Workflow.WorkflowRow: RoundTripRecord {}
extension Workflow.WorkflowExecution: RoundTripRecord {}
extension Workflow.WorkflowTypeDetection: RoundTripRecord {}
extension Workflow.QueueHistory: RoundTripRecord {}
extension Workflow.TaskTemplate: RoundTripRecord {}
extension Workflow.TaskRow: RoundTripRecord {}
extension Workflow.TaskDependency: RoundTripRecord {}
extension Workflow.TaskSuggestion: RoundTripRecord {}
extension Workflow.TaskSession: RoundTripRecord {}
extension Workflow.TaskExecution: RoundTripRecord {}
extension Workflow.PullRequest: RoundTripRecord {}
extension Workflow.Modification: RoundTripRecord {}
extension Workflow.AuditLog: RoundTripRecord {}
extension Workflow.ChatSession: RoundTripRecord {}
extension Workflow.ChatMessage: RoundTripRecord {}
extension Workflow.Conversation: RoundTripRecord {}
extension Workflow.PromptTemplate: RoundTripRecord {}
extension Workflow.AiResponseCache: RoundTripRecord {}
extension Workflow.PromptExecution: RoundTripRecord {}
extension Workflow.ContextSource: RoundTripRecord {}
extension Workflow.Codebase: RoundTripRecord {}
extension Workflow.AnalysisRun: RoundTripRecord {}
extension Workflow.TrackedFile: RoundTripRecord {}
extension Workflow.FileAnalysis: RoundTripRecord {}
extension Workflow.CodeElement: RoundTripRecord {}
extension Workflow.FileProcessingCache: RoundTripRecord {}
extension Workflow.AnalysisMetric: RoundTripRecord {}
extension Workflow.PerformanceMetric: RoundTripRecord {}
extension Workflow.QueryPerformanceLog: RoundTripRecord {}
extension Workflow.FeatureUsage: RoundTripRecord {}
extension Workflow.ProductivityEvent: RoundTripRecord {}
extension Workflow.Event: RoundTripRecord {}
extension Workflow.EventAggregation: RoundTripRecord {}
extension Workflow.EventSubscription: RoundTripRecord {}
extension Workflow.LearningModel: RoundTripRecord {}
extension Workflow.TrainingSession: RoundTripRecord {}
extension Workflow.Adaptation: RoundTripRecord {}
extension Workflow.KnowledgeItem: RoundTripRecord {}
extension Workflow.KnowledgeRelationship: RoundTripRecord {}
extension Workflow.DatabaseConnection: RoundTripRecord {}
extension Workflow.DatabaseSchema: RoundTripRecord {}
extension Workflow.ProjectInterface: RoundTripRecord {}

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
