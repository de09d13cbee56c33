using System.Net;

namespace SbbCommerce.Api.Modules.Payments.Data;

/// <summary>A row of <c>payment_attempts</c>.</summary>
internal sealed class PaymentAttempt
{
    public Guid Id { get; set; }
    public Guid PaymentId { get; set; }
    public int AttemptNumber { get; set; } = 1;
    public required string Status { get; set; }
    public required string Action { get; set; }
    public Guid? PerformedBy { get; set; }
    public required string PerformedByType { get; set; }
    public bool Success { get; set; }
    public string? FailureReason { get; set; }
    public string? RequestData { get; set; }
    public string? ResponseData { get; set; }
    public IPAddress? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
