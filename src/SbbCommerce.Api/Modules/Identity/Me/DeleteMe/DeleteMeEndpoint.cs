using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Sessions;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity.Me.DeleteMe;

internal static class DeleteMeEndpoint
{
    public static RouteHandlerBuilder MapDeleteMe(this RouteGroupBuilder me) =>
        me.MapDelete("", HandleAsync)
            .WithName("DeleteMe")
            .WithSummary("Soft-delete the account: status deleted, sessions revoked, data kept for compliance.");

    private static async Task<NoContent> HandleAsync(
        ICurrentUser currentUser, SbbDbContext db, SessionService sessions, SessionGate gate, IAuditWriter audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Set<User>().SingleAsync(u => u.Id == currentUser.UserId, cancellationToken);
        var previous = user.Status;
        var now = timeProvider.GetDatabaseNow();
        user.Status = UserStatus.Deleted;
        user.DeletedAt = now;
        user.UpdatedAt = now;
        audit.Record("user.deleted_by_self", "user", user.Id, new { Status = previous }, new { user.Status });
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(user.Id, "account_deleted", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        gate.Forget(user.Id);
        return TypedResults.NoContent();
    }
}
