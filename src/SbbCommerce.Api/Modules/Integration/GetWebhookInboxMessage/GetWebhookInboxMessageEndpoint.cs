using SbbCommerce.Api.Modules.Integration.Data;
using SbbCommerce.Api.Modules.Integration.Views;

namespace SbbCommerce.Api.Modules.Integration.GetWebhookInboxMessage;

internal static class GetWebhookInboxMessageEndpoint
{
    public static RouteHandlerBuilder MapGetWebhookInboxMessage(this RouteGroupBuilder admin) =>
        admin.MapGet("/webhooks/inbox/{id:guid}", HandleAsync).WithName("AdminGetWebhookInboxMessage")
            .WithSummary("One received webhook with its headers, payload, signature check and result.")
            .WithDescription("404 `inbox_message_not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<InboxMessageResponse>, ProblemHttpResult>> HandleAsync(Guid id, SbbDbContext db, CancellationToken cancellationToken) =>
        await db.Set<InboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } row
            ? TypedResults.Ok(InboxMessageResponse.Detail(row))
            : IntegrationProblems.InboxMessageNotFound();
}
