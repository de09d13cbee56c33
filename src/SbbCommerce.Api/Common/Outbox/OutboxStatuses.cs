namespace SbbCommerce.Api.Common.Outbox;

/// <summary>
/// The outbox lifecycle: <c>pending</c> -> <c>sent</c>; a transient failure makes it <c>failed</c> (retried at
/// <c>scheduled_for</c>) until <c>max_attempts</c>, then <c>dead</c>; a permanent failure is <c>dead</c> at once.
/// A dead letter is never retried by itself: an admin sends it back to <c>pending</c>.
/// </summary>
internal static class OutboxStatuses
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Dead = "dead";

    /// <summary>Deliberately not sent (an email to an address the provider reported undeliverable); the reason is on the row.</summary>
    public const string Skipped = "skipped";

    public static readonly IReadOnlyList<string> All = [Pending, Processing, Sent, Failed, Dead, Skipped];
}
