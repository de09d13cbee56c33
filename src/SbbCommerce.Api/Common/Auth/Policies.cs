namespace SbbCommerce.Api.Common.Auth;

/// <summary>The role policies of API.md.</summary>
internal static class Policies
{
    /// <summary>Any signed-in user.</summary>
    public const string User = "user";

    /// <summary><c>admin</c> or <c>super_admin</c>: every <c>/admin</c> route, the Hangfire dashboard.</summary>
    public const string Admin = "admin";

    /// <summary><c>super_admin</c> only: role changes.</summary>
    public const string SuperAdmin = "super_admin";
}
