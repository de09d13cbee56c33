namespace SbbCommerce.Api.Modules.Fulfillment.Contracts;

/// <summary>The PostgreSQL enum <c>fulfillment_status</c>; serialised as its snake_case label.</summary>
public enum FulfillmentStatus
{
    /// <summary><c>unfulfilled</c></summary>
    Unfulfilled,
    /// <summary><c>partially_fulfilled</c></summary>
    PartiallyFulfilled,
    /// <summary><c>fulfilled</c></summary>
    Fulfilled,
    /// <summary><c>returned</c></summary>
    Returned,
    /// <summary><c>partially_returned</c></summary>
    PartiallyReturned,
    /// <summary><c>cancelled</c>: packed but never shipped, its order fully refunded (migration 0080).</summary>
    Cancelled,
}
