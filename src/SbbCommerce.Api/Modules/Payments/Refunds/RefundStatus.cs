namespace SbbCommerce.Api.Modules.Payments.Refunds;

/// <summary>The <c>refunds.status</c> values.</summary>
internal static class RefundStatus
{
    public const string Pending = "pending";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
