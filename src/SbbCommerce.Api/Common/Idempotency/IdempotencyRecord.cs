namespace SbbCommerce.Api.Common.Idempotency;

/// <summary>A row of <c>idempotency_keys</c>.</summary>
internal sealed class IdempotencyRecord
{
    public Guid Id { get; set; }
    public required string Caller { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string RequestMethod { get; set; }
    public required string RequestPath { get; set; }
    public required string RequestHash { get; set; }
    public string Status { get; set; } = "in_progress";
    public int? ResponseStatus { get; set; }
    public string? ResponseHeaders { get; set; }
    public byte[]? ResponseBody { get; set; }
    public DateTimeOffset LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
