namespace SbbCommerce.Api.Modules.Identity.Contracts;

/// <summary>The PostgreSQL enum <c>session_status</c>; serialised as its snake_case label.</summary>
public enum SessionStatus
{
    /// <summary><c>active</c></summary>
    Active,
    /// <summary><c>expired</c></summary>
    Expired,
    /// <summary><c>revoked</c></summary>
    Revoked,
}
