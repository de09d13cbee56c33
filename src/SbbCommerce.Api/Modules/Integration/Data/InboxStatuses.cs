namespace SbbCommerce.Api.Modules.Integration.Data;

/// <summary>The <c>webhooks_inbox.status</c> values.</summary>
internal static class InboxStatuses
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    public static readonly IReadOnlyList<string> All = [Pending, Processing, Completed, Failed, Skipped];
}
