using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;
using SbbCommerce.Api.Modules.Fulfillment.History;
using SbbCommerce.Api.Modules.Fulfillment.Views;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Returns;

internal static class ReturnEndpoint
{
    public static RouteHandlerBuilder MapReturns(this RouteGroupBuilder admin) =>
        admin.MapPost("/fulfillments/{id:guid}/returns", HandleAsync)
            .WithName("ReturnFulfillmentUnits")
            .WithSummary("Units of a shipped fulfilment came back: the fulfilment becomes returned (every unit back) or "
                + "partially_returned; with restock they go back on hand and to their lot. Audited. (Money goes back through refunds.)")
            .WithValidation<ReturnRequest>()
            .WithIdempotency()
            .ProducesErrors(StatusCodes.Status404NotFound, FulfillmentErrors.FulfillmentNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, FulfillmentErrors.InvalidTransition, FulfillmentErrors.OrderItemNotFound,
                FulfillmentErrors.ReturnExceedsShipment);

    /// <summary>The order then the shipment are locked (as shipping does): two returns of one shipment apply one after the other.</summary>
    private static async Task<Results<Ok<FulfillmentResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ReturnRequest request, SbbDbContext db, IOrderFulfillment orders, IInventoryService inventory, IBatchAllocator lots,
        IAuditWriter audit, ICurrentUser currentUser, TimeProvider timeProvider, FulfillmentReader reader, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await ShipmentStore.OrderOfAsync(db, id, cancellationToken) is not { } orderId)
            {
                return ApiProblems.NotFound(FulfillmentErrors.FulfillmentNotFound, "Fulfilment not found.");
            }

            var order = (await orders.LockAsync(orderId, cancellationToken))!;
            var shipment = await ShipmentStore.LockAsync(db, id, cancellationToken);
            if (shipment.ShippedAt is null || shipment.Status == FulfillmentStatus.Returned)
            {
                return ApiProblems.Unprocessable(FulfillmentErrors.InvalidTransition, "Only a shipped fulfilment with units not yet returned takes returns.",
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["currentStatus"] = shipment.Status });
            }

            var items = await db.Set<ShipmentItem>().Where(i => i.FulfillmentId == id).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
                .ToListAsync(cancellationToken);
            var restock = new List<StockLine>();
            var lines = order.Lines.ToDictionary(l => l.Id);
            foreach (var wanted in request.Items)
            {
                var parts = items.Where(i => i.OrderItemId == wanted.OrderItemId).ToList();
                if (parts.Count == 0)
                {
                    return ApiProblems.Unprocessable(FulfillmentErrors.OrderItemNotFound, "An item is not a line of this fulfilment.",
                        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["orderItemId"] = wanted.OrderItemId });
                }

                var returnable = parts.Sum(p => p.Quantity - p.QuantityReturned);
                if (wanted.Quantity > returnable)
                {
                    return ApiProblems.Unprocessable(FulfillmentErrors.ReturnExceedsShipment, "More units than this fulfilment shipped and has not had back.",
                        extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                        {
                            ["orderItemId"] = wanted.OrderItemId, ["requested"] = wanted.Quantity, ["returnable"] = returnable,
                        });
                }

                var left = wanted.Quantity;
                foreach (var part in parts.Where(p => p.Quantity > p.QuantityReturned))
                {
                    var take = Math.Min(left, part.Quantity - part.QuantityReturned);
                    part.QuantityReturned += take;
                    left -= take;
                    if (request.Restock && part.BatchId is { } batch)
                    {
                        await lots.RestockAsync(batch, take, cancellationToken);
                    }

                    if (left == 0)
                    {
                        break;
                    }
                }

                restock.Add(new StockLine(lines[wanted.OrderItemId].ProductId, wanted.Quantity));
            }

            if (request.Restock && !(await inventory.RestockAsync(restock, cancellationToken)).Succeeded)
            {
                throw new InvalidOperationException($"Restocking the return of {shipment.FulfillmentNumber} failed: a product no longer exists.");
            }

            var now = timeProvider.GetDatabaseNow();
            var from = shipment.Status;
            shipment.Status = items.All(i => i.QuantityReturned == i.Quantity) ? FulfillmentStatus.Returned : FulfillmentStatus.PartiallyReturned;
            shipment.UpdatedAt = now;
            ShipmentHistory.Record(db, shipment, from, request.Reason, currentUser.UserId, now, carrierStatus: "returned",
                metadata: Common.Json.JsonDefaults.Serialize(new { request.Items, request.Restock }));
            audit.Record("fulfillment.returned", "fulfillment", shipment.Id, new { Status = from },
                new { shipment.Status, request.Items, request.Restock, request.Reason });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok((await reader.ReadAsync(id, cancellationToken))!);
    }
}
