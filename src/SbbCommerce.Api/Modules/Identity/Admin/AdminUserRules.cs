using System.Diagnostics.CodeAnalysis;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Admin;

/// <summary>What the Admin slices share.</summary>
internal static class AdminUserRules
{
    /// <summary>
    /// Whether the admin may act on the user: 404 user_not_found when there is none, 403 role_change_forbidden for staff,
    /// as a plain admin manages customers and wholesale accounts only (staff accounts answer to a super_admin).
    /// </summary>
    internal static bool MayManage(ICurrentUser actor, [NotNullWhen(true)] User? target, [NotNullWhen(false)] out ProblemHttpResult? refusal)
    {
        ArgumentNullException.ThrowIfNull(actor);
        refusal = target switch
        {
            null => NotFound(),
            { Role: UserRole.Customer or UserRole.Wholesale } => null,
            _ when actor.Role == UserRoleLabels.SuperAdmin => null,
            _ => StaffForbidden(),
        };
        return refusal is null;
    }

    private static ProblemHttpResult StaffForbidden() => ApiProblems.Problem(StatusCodes.Status403Forbidden, IdentityErrors.RoleChangeForbidden,
        "Only a super_admin may suspend, ban or change an admin or a super_admin.");

    internal static ProblemHttpResult NotFound() => ApiProblems.NotFound(IdentityErrors.UserNotFound, "User not found.");
}
