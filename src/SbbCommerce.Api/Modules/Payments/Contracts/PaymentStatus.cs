namespace SbbCommerce.Api.Modules.Payments.Contracts;

/// <summary>The PostgreSQL enum <c>payment_status</c>; serialised as its snake_case label.</summary>
public enum PaymentStatus
{
    /// <summary><c>pending</c></summary>
    Pending,
    /// <summary><c>awaiting_verification</c></summary>
    AwaitingVerification,
    /// <summary><c>processing</c></summary>
    Processing,
    /// <summary><c>completed</c></summary>
    Completed,
    /// <summary><c>failed</c></summary>
    Failed,
    /// <summary><c>cancelled</c></summary>
    Cancelled,
    /// <summary><c>refunded</c></summary>
    Refunded,
    /// <summary><c>partially_refunded</c></summary>
    PartiallyRefunded,
    /// <summary><c>expired</c></summary>
    Expired,
}
