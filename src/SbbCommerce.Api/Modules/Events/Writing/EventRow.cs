using System.Net;

namespace SbbCommerce.Api.Modules.Events.Writing;

/// <summary>One accepted event, complete with what the server adds, as it will be COPYed into <c>events</c>.</summary>
internal sealed record EventRow(
    Guid Id,
    string EventName,
    string EventCategory,
    Guid? UserId,
    string? AnonymousId,
    string SessionId,
    string? PageUrl,
    string? PageTitle,
    string? ReferrerUrl,
    string? UtmSource,
    string? UtmMedium,
    string? UtmCampaign,
    string? UtmTerm,
    string? UtmContent,
    Guid? ProductId,
    Guid? CartId,
    Guid? OrderId,
    Guid? PaymentId,
    string Properties,
    IPAddress? IpAddress,
    string? UserAgent,
    string? DeviceType,
    string? Browser,
    string? Os,
    string? ScreenResolution,
    string? CountryCode,
    DateTimeOffset? ClientTimestamp,
    DateTimeOffset CreatedAt);

/// <summary>The accepted events of one request: written together, and <see cref="Committed"/> once they are.</summary>
internal sealed class QueuedBatch(IReadOnlyList<EventRow> rows)
{
    public IReadOnlyList<EventRow> Rows { get; } = rows;

    /// <summary>Completes when the rows are committed (faults when the database refused them).</summary>
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
