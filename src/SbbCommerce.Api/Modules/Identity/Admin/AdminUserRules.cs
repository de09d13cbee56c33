using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Admin;

/// <summary>What the Admin slices share.</summary>
internal static class AdminUserRules
{
    /// <summary>A plain admin manages customers and wholesale accounts; staff accounts answer to a super_admin only.</summary>
    internal static bool MayManage(ICurrentUser actor, User target) =>
        actor.Role == UserRoleLabels.SuperAdmin || target.Role is UserRole.Customer or UserRole.Wholesale;

    internal static ProblemHttpResult StaffForbidden() => ApiProblems.Problem(StatusCodes.Status403Forbidden, IdentityErrors.RoleChangeForbidden,
        "Only a super_admin may suspend, ban or change an admin or a super_admin.");

    internal static ProblemHttpResult NotFound() => ApiProblems.NotFound(IdentityErrors.UserNotFound, "User not found.");
}
