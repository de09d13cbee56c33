namespace SbbCommerce.Api.Common.Idempotency;

/// <summary>The <c>Idempotency</c> configuration section.</summary>
internal sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key replays its first answer (API.md: 24 hours).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a running request holds its key. Past this a crashed request no longer blocks a retry.
    /// Longer than any request may take.
    /// </summary>
    public TimeSpan InFlightLock { get; set; } = TimeSpan.FromMinutes(2);
}
