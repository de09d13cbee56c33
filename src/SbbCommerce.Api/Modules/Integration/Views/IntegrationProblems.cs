namespace SbbCommerce.Api.Modules.Integration.Views;

/// <summary>The not-found answers the outbox and inbox routes share.</summary>
internal static class IntegrationProblems
{
    public static ProblemHttpResult OutboxMessageNotFound() =>
        ApiProblems.NotFound(IntegrationErrors.OutboxMessageNotFound, "No such outbox message.");

    public static ProblemHttpResult InboxMessageNotFound() => ApiProblems.NotFound(IntegrationErrors.InboxMessageNotFound, "No such webhook.");
}
