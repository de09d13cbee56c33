namespace SbbCommerce.Api.Modules.Identity.Contracts;

/// <summary>The PostgreSQL enum <c>auth_provider</c>; serialised as its snake_case label.</summary>
public enum AuthProvider
{
    /// <summary><c>email</c></summary>
    Email,
    /// <summary><c>google</c></summary>
    Google,
    /// <summary><c>apple</c></summary>
    Apple,
}
