using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Sessions;
using SbbCommerce.Api.Modules.Identity.Tokens;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Admin.UpdateUser;

internal static class UpdateUserEndpoint
{
    public static RouteHandlerBuilder MapUpdateUser(this RouteGroupBuilder admin) =>
        admin.MapPatch("/users/{id:guid}", HandleAsync).WithName("AdminUpdateUser")
            .WithSummary("Suspend, ban or reactivate a user; change a role (super_admin only). A plain admin acts on customers and " +
                "wholesale accounts only (403 role_change_forbidden). Audited.")
            .WithValidation<UpdateUserRequest>()
            .ProducesErrors(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, IdentityErrors.RoleChangeForbidden)
            .ProducesErrors(StatusCodes.Status404NotFound, IdentityErrors.UserNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, IdentityErrors.LastSuperAdmin);

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, UpdateUserRequest request, ICurrentUser currentUser, SbbDbContext db, SessionService sessions, SessionGate gate,
        IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (request.Role is not null && currentUser.Role != UserRoleLabels.SuperAdmin)
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, IdentityErrors.RoleChangeForbidden, "Only a super_admin changes roles.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Lock every super_admin row: two super_admins demoting each other at once cannot leave none.
        var superAdmins = await db.Locking<User>($"role = 'super_admin' AND status <> 'deleted'")
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == id && u.Status != UserStatus.Deleted, cancellationToken);
        if (!AdminUserRules.MayManage(currentUser, user, out var refusal))
        {
            return refusal;
        }

        var before = new { user.Status, Role = UserRoleLabels.Of(user.Role) };
        var losesSuperAdmin = user.Role == UserRole.SuperAdmin
            && ((request.Role is not null && request.Role != UserRole.SuperAdmin) || request.Status is UserStatus.Suspended or UserStatus.Banned);
        if (losesSuperAdmin && superAdmins.Count <= 1)
        {
            return ApiProblems.Unprocessable(IdentityErrors.LastSuperAdmin, "The last super_admin cannot be demoted, suspended or banned.");
        }

        user.Status = request.Status ?? user.Status;
        user.Role = request.Role ?? user.Role;
        user.UpdatedAt = timeProvider.GetDatabaseNow();
        audit.Record("user.updated", "user", user.Id, before, new { user.Status, Role = UserRoleLabels.Of(user.Role), request.Reason });
        await db.SaveChangesAsync(cancellationToken);
        if (user.Status is UserStatus.Suspended or UserStatus.Banned)
        {
            // Refresh tokens stop working at once.
            await sessions.RevokeAllAsync(user.Id, "account_" + (user.Status == UserStatus.Banned ? "banned" : "suspended"), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        gate.Forget(user.Id);
        return TypedResults.Ok(UserResponse.From(user, await db.ProfileOfAsync(user.Id, cancellationToken)));
    }
}
