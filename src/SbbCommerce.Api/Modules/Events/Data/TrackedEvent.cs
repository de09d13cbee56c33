using System.Net;

namespace SbbCommerce.Api.Modules.Events.Data;

/// <summary>A row of <c>events</c>.</summary>
internal sealed class TrackedEvent
{
    public Guid Id { get; set; }
    public required string EventName { get; set; }
    public required string EventCategory { get; set; }
    public Guid? UserId { get; set; }
    public string? AnonymousId { get; set; }
    public string? SessionId { get; set; }
    public string? PageUrl { get; set; }
    public string? PageTitle { get; set; }
    public string? ReferrerUrl { get; set; }
    public string? UtmSource { get; set; }
    public string? UtmMedium { get; set; }
    public string? UtmCampaign { get; set; }
    public string? UtmTerm { get; set; }
    public string? UtmContent { get; set; }
    public Guid? ProductId { get; set; }
    public Guid? CartId { get; set; }
    public Guid? OrderId { get; set; }
    public Guid? PaymentId { get; set; }
    public string Properties { get; set; } = "{}";
    public IPAddress? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string? DeviceType { get; set; }
    public string? Browser { get; set; }
    public string? Os { get; set; }
    public string? ScreenResolution { get; set; }
    public string? CountryCode { get; set; }
    public string? Region { get; set; }
    public string? City { get; set; }
    public DateTimeOffset? ClientTimestamp { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
