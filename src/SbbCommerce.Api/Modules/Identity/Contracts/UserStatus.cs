namespace SbbCommerce.Api.Modules.Identity.Contracts;

/// <summary>The PostgreSQL enum <c>user_status</c>; serialised as its snake_case label.</summary>
public enum UserStatus
{
    /// <summary><c>pending_verification</c></summary>
    PendingVerification,
    /// <summary><c>active</c></summary>
    Active,
    /// <summary><c>suspended</c></summary>
    Suspended,
    /// <summary><c>banned</c></summary>
    Banned,
    /// <summary><c>deleted</c></summary>
    Deleted,
}
