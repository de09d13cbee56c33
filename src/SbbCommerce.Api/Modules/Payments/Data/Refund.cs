namespace SbbCommerce.Api.Modules.Payments.Data;

/// <summary>A row of <c>refunds</c>.</summary>
internal sealed class Refund : RowVersioned
{
    public Guid Id { get; set; }
    public required string RefundReference { get; set; }
    public Guid PaymentId { get; set; }
    public Guid OrderId { get; set; }
    public int AmountCents { get; set; }
    public string Status { get; set; } = "pending";
    public required string Reason { get; set; }
    public string? ReasonDetails { get; set; }
    public Guid? ProcessedBy { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public string? RefundMethod { get; set; }
    public string? RefundDetails { get; set; }
    public string? ErpRefundId { get; set; }
    public DateTimeOffset? ErpSyncedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
