using SbbCommerce.Api.Modules.Fulfillment.Views;

namespace SbbCommerce.Api.Modules.Fulfillment.Deliver;

internal static class DeliverFulfillmentEndpoint
{
    public const string DeliveredEmail = FulfillmentDelivery.DeliveredEmail;

    public static RouteHandlerBuilder MapDeliverFulfillment(this RouteGroupBuilder admin) =>
        admin.MapPost("/fulfillments/{id:guid}/deliver", HandleAsync)
            .WithName("DeliverFulfillment")
            .WithSummary("The shipment arrived: the order is delivered when every unit shipped and every shipment arrived. Queues the "
                + "customer's delivered email. Audited. Shippo's tracking webhook does the same when the carrier reports delivery.")
            .WithDescription("404 `fulfillment_not_found`; 422 `invalid_transition` (not shipped, or already delivered).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<FulfillmentResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, HttpContext httpContext, SbbDbContext db, FulfillmentDelivery delivery, IAuditWriter audit, ICurrentUser currentUser, TimeProvider timeProvider,
        FulfillmentReader reader, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await delivery.LockAsync(id, cancellationToken) is not { } locked)
            {
                return ApiProblems.NotFound(FulfillmentErrors.FulfillmentNotFound, "Fulfilment not found.");
            }

            var shipment = locked.Shipment;
            if (!FulfillmentDelivery.CanDeliver(shipment))
            {
                return ApiProblems.Unprocessable(FulfillmentErrors.InvalidTransition, "Only a shipped fulfilment that has not arrived can be delivered.",
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["currentStatus"] = shipment.Status, ["shippedAt"] = shipment.ShippedAt, ["deliveredAt"] = shipment.DeliveredAt,
                    });
            }

            await delivery.DeliverAsync(shipment, locked.OrderId, timeProvider.GetDatabaseNow(), StatusActor.Admin(currentUser.UserId!.Value), "delivered",
                carrierMetadata: null, RequestContext.From(httpContext), cancellationToken);
            audit.Record("fulfillment.delivered", "fulfillment", shipment.Id, new { DeliveredAt = (DateTimeOffset?)null }, new { shipment.DeliveredAt });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok((await reader.ReadAsync(id, cancellationToken))!);
    }
}
