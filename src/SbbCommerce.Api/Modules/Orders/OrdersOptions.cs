namespace SbbCommerce.Api.Modules.Orders;

/// <summary>The <c>Orders</c> configuration section.</summary>
internal sealed class OrdersOptions
{
    public const string Section = "Orders";

    /// <summary>Checkout refuses buyers whose email is not verified (422 email_not_verified).</summary>
    public bool RequireVerifiedEmail { get; set; } = true;

    /// <summary>Orders still pending_payment with no live payment after this long are cancelled (default 72 h).</summary>
    public TimeSpan UnpaidCancelAfter { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How many orders the unpaid-order job handles per batch.</summary>
    public int UnpaidBatchSize { get; set; } = 200;

    /// <summary>Checkouts working at once in this host (the checkout bulkhead; at least 1).</summary>
    public int CheckoutConcurrency { get; set; } = 8 * Environment.ProcessorCount;

    /// <summary>Checkouts that may wait for their turn, in arrival order (beyond: 503 busy).</summary>
    public int CheckoutQueueLimit { get; set; } = 10_000;
}
