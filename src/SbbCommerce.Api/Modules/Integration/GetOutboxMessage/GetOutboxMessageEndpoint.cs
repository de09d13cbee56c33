using SbbCommerce.Api.Modules.Integration.Views;

namespace SbbCommerce.Api.Modules.Integration.GetOutboxMessage;

internal static class GetOutboxMessageEndpoint
{
    public static RouteHandlerBuilder MapGetOutboxMessage(this RouteGroupBuilder admin) =>
        admin.MapGet("/outbox/{id:guid}", HandleAsync).WithName("AdminGetOutboxMessage")
            .WithSummary("One message with its payload and the destination's last answer.")
            .WithDescription("404 `outbox_message_not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<OutboxMessageResponse>, ProblemHttpResult>> HandleAsync(Guid id, SbbDbContext db, CancellationToken cancellationToken) =>
        await db.Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } message
            ? TypedResults.Ok(OutboxMessageResponse.Detail(message))
            : IntegrationProblems.OutboxMessageNotFound();
}
