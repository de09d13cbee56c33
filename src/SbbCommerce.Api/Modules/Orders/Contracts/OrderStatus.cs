namespace SbbCommerce.Api.Modules.Orders.Contracts;

/// <summary>The PostgreSQL enum <c>order_status</c>; serialised as its snake_case label.</summary>
public enum OrderStatus
{
    /// <summary><c>pending_payment</c></summary>
    PendingPayment,
    /// <summary><c>payment_received</c></summary>
    PaymentReceived,
    /// <summary><c>processing</c></summary>
    Processing,
    /// <summary><c>ready_to_ship</c></summary>
    ReadyToShip,
    /// <summary><c>shipped</c></summary>
    Shipped,
    /// <summary><c>delivered</c></summary>
    Delivered,
    /// <summary><c>cancelled</c></summary>
    Cancelled,
    /// <summary><c>refunded</c></summary>
    Refunded,
    /// <summary><c>partially_refunded</c></summary>
    PartiallyRefunded,
}
