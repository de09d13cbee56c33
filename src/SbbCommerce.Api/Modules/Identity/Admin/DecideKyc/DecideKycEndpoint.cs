using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Admin.DecideKyc;

internal static class DecideKycEndpoint
{
    public static RouteHandlerBuilder MapDecideKyc(this RouteGroupBuilder admin) =>
        admin.MapPost("/users/{id:guid}/kyc", HandleAsync).WithName("AdminDecideKyc")
            .WithSummary("Record a KYC decision (approved, rejected, pending). Audited.")
            .WithValidation<KycDecisionRequest>()
            .ProducesErrors(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, IdentityErrors.RoleChangeForbidden)
            .ProducesErrors(StatusCodes.Status404NotFound, IdentityErrors.UserNotFound);

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, KycDecisionRequest request, ICurrentUser currentUser, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (!AdminUserRules.MayManage(currentUser, user, out var refusal))
        {
            return refusal;
        }

        var before = new { user.KycStatus, user.KycVerifiedAt };
        var now = timeProvider.GetDatabaseNow();
        user.KycStatus = request.Status;
        user.KycVerifiedAt = request.Status == "pending" ? null : now;
        user.UpdatedAt = now;
        audit.Record("user.kyc_decided", "user", user.Id, before, new { user.KycStatus, user.KycVerifiedAt, request.Notes });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(UserResponse.From(user, await db.ProfileOfAsync(user.Id, cancellationToken)));
    }
}
