namespace SbbCommerce.Api.Modules.Identity.Contracts;

/// <summary>The PostgreSQL enum <c>user_role</c>; serialised as its snake_case label.</summary>
public enum UserRole
{
    /// <summary><c>customer</c></summary>
    Customer,
    /// <summary><c>wholesale</c></summary>
    Wholesale,
    /// <summary><c>admin</c></summary>
    Admin,
    /// <summary><c>super_admin</c></summary>
    SuperAdmin,
}
