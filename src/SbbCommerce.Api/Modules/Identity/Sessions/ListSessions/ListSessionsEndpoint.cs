namespace SbbCommerce.Api.Modules.Identity.Sessions.ListSessions;

internal static class ListSessionsEndpoint
{
    public static RouteHandlerBuilder MapListSessions(this RouteGroupBuilder me) =>
        me.MapGet("/sessions", HandleAsync).WithName("ListMySessions").WithSummary("The user's active sessions.");

    private static async Task<Ok<List<SessionResponse>>> HandleAsync(
        ICurrentUser currentUser, SbbDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SessionQueries.ActiveSessionsAsync(
            db, currentUser.UserId!.Value, currentUser.SessionId, timeProvider.GetDatabaseNow(), cancellationToken));
}
