namespace SbbCommerce.Api.Modules.Identity.Contracts;

/// <summary>The snake_case labels of <see cref="UserRole"/> as they appear in tokens and JSON.</summary>
public static class UserRoleLabels
{
    public const string Customer = "customer";
    public const string Wholesale = "wholesale";
    public const string Admin = "admin";
    public const string SuperAdmin = "super_admin";

    public static string Of(UserRole role) => role switch
    {
        UserRole.Customer => Customer,
        UserRole.Wholesale => Wholesale,
        UserRole.Admin => Admin,
        UserRole.SuperAdmin => SuperAdmin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? label, out UserRole role)
    {
        (var known, role) = label switch
        {
            Customer => (true, UserRole.Customer),
            Wholesale => (true, UserRole.Wholesale),
            Admin => (true, UserRole.Admin),
            SuperAdmin => (true, UserRole.SuperAdmin),
            _ => (false, UserRole.Customer),
        };
        return known;
    }
}
