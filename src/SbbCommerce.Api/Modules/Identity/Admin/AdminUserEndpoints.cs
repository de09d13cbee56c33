using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Json;
using SbbCommerce.Api.Common.OpenApi;
using SbbCommerce.Api.Common.Paging;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Identity.Addresses;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Sessions;
using SbbCommerce.Api.Modules.Identity.Tokens;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Admin;

internal static class AdminUserEndpoints
{
    public static RouteGroupBuilder MapAdminUsers(this RouteGroupBuilder admin)
    {
        admin.MapGet("/users", SearchAsync).WithName("AdminSearchUsers")
            .WithSummary("Search users by email or name prefix (q), status and role; newest first, keyset pages.")
            .ProducesValidationProblem();
        admin.MapGet("/users/{id:guid}", GetAsync).WithName("AdminGetUser")
            .WithSummary("A user with profile, addresses and active sessions.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPatch("/users/{id:guid}", UpdateAsync).WithName("AdminUpdateUser")
            .WithSummary("Suspend, ban or reactivate a user; change a role (super_admin only). A plain admin acts on customers and " +
                "wholesale accounts only (403 role_change_forbidden). Audited.")
            .WithValidation<UpdateUserRequest>()
            .ProducesErrors(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, IdentityErrors.RoleChangeForbidden)
            .ProducesErrors(StatusCodes.Status404NotFound, IdentityErrors.UserNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, IdentityErrors.LastSuperAdmin);
        admin.MapPost("/users/{id:guid}/kyc", DecideKycAsync).WithName("AdminDecideKyc")
            .WithSummary("Record a KYC decision (approved, rejected, pending). Audited.")
            .WithValidation<KycDecisionRequest>()
            .ProducesErrors(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, IdentityErrors.RoleChangeForbidden)
            .ProducesErrors(StatusCodes.Status404NotFound, IdentityErrors.UserNotFound);
        return admin;
    }

    private static async Task<Results<Ok<PagedResponse<AdminUserSummary>>, ValidationProblem>> SearchAsync(
        SbbDbContext db, string? q, [SchemaValues(typeof(UserStatus))] string? status, [SchemaValues(typeof(UserRole))] string? role, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        UserStatus? statusFilter = null;
        UserRole? roleFilter = null;
        if (status is not null)
        {
            statusFilter = SnakeCaseEnum.TryParse<UserStatus>(status, out var parsed) ? parsed : null;
            if (statusFilter is null)
            {
                errors["status"] = ["Unknown status."];
            }
        }

        if (role is not null)
        {
            roleFilter = UserRoleLabels.TryParse(role, out var parsed) ? parsed : null;
            if (roleFilter is null)
            {
                errors["role"] = ["Unknown role."];
            }
        }

        var page = PageRequest.From(limit, cursor);
        var after = CursorReader.Read(page, errors);

        return errors.Count > 0
            ? ApiProblems.Validation(errors)
            : TypedResults.Ok(await AdminUserSearch.SearchAsync(db, q, statusFilter, roleFilter, page, after, cancellationToken));
    }

    private static async Task<Results<Ok<AdminUserDetail>, ProblemHttpResult>> GetAsync(
        Guid id, SbbDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var user = await db.UserResponseAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        var addresses = await db.Set<UserAddress>().AsNoTracking()
            .Where(a => a.UserId == id && a.DeletedAt == null)
            .Select(a => new AddressResponse(a.Id, a.AddressType, a.IsDefault, a.Label, a.RecipientName, a.Company, a.StreetLine1,
                a.StreetLine2, a.City, a.StateProvince, a.PostalCode, a.CountryCode, a.Phone, a.CreatedAt, a.UpdatedAt))
            .ToListAsync(cancellationToken);
        var sessions = await SessionEndpoints.ActiveSessionsAsync(db, id, null, timeProvider.GetUtcNow(), cancellationToken);
        var facts = await db.Set<User>().AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                Erp = new AdminUserErp(u.ErpCustomerId, u.ErpSyncedAt, u.ErpCreditLimitCents, u.ErpTerms, u.ErpCustomerUpdatedAt),
                u.EmailUndeliverableAt,
                u.EmailUndeliverableReason,
            })
            .SingleAsync(cancellationToken);
        var undeliverable = facts.EmailUndeliverableAt is { } since ? new AdminUserEmailUndeliverable(since, facts.EmailUndeliverableReason) : null;
        return TypedResults.Ok(new AdminUserDetail(user, addresses, sessions, facts.Erp, undeliverable));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateUserRequest request, ICurrentUser currentUser, SbbDbContext db, SessionService sessions, SessionGate gate,
        IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (request.Role is not null && currentUser.Role != UserRoleLabels.SuperAdmin)
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, IdentityErrors.RoleChangeForbidden, "Only a super_admin changes roles.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Lock every super_admin row: two super_admins demoting each other at once cannot leave none.
        var superAdmins = await db.Set<User>()
            .FromSqlRaw("SELECT * FROM users WHERE role = 'super_admin' AND status <> 'deleted' FOR UPDATE")
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null || user.Status == UserStatus.Deleted)
        {
            return NotFound();
        }

        if (!MayManage(currentUser, user))
        {
            return StaffForbidden();
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
        user.UpdatedAt = timeProvider.GetUtcNow();
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

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> DecideKycAsync(
        Guid id, KycDecisionRequest request, ICurrentUser currentUser, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        if (!MayManage(currentUser, user))
        {
            return StaffForbidden();
        }

        var before = new { user.KycStatus, user.KycVerifiedAt };
        var now = timeProvider.GetUtcNow();
        user.KycStatus = request.Status;
        user.KycVerifiedAt = request.Status == "pending" ? null : now;
        user.UpdatedAt = now;
        audit.Record("user.kyc_decided", "user", user.Id, before, new { user.KycStatus, user.KycVerifiedAt, request.Notes });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(UserResponse.From(user, await db.ProfileOfAsync(user.Id, cancellationToken)));
    }

    /// <summary>A plain admin manages customers and wholesale accounts; staff accounts answer to a super_admin only.</summary>
    private static bool MayManage(ICurrentUser actor, User target) =>
        actor.Role == UserRoleLabels.SuperAdmin || target.Role is UserRole.Customer or UserRole.Wholesale;

    private static ProblemHttpResult StaffForbidden() => ApiProblems.Problem(StatusCodes.Status403Forbidden, IdentityErrors.RoleChangeForbidden,
        "Only a super_admin may suspend, ban or change an admin or a super_admin.");

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound(IdentityErrors.UserNotFound, "User not found.");
}
