using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Modules.Fulfillment.Views;

namespace SbbCommerce.Api.Modules.Fulfillment.Create;

internal static class CreateFulfillmentEndpoint
{
    public static RouteHandlerBuilder MapCreateFulfillment(this RouteGroupBuilder admin) =>
        admin.MapPost("/orders/{id:guid}/fulfillments", HandleAsync)
            .WithName("CreateFulfillment")
            .WithSummary("Put units of a paid order into a shipment: each line draws from lots first expiring, first out (active, "
                + "COA-verified, unexpired, not recalled; split over lots when one is short) or from the named batch. The lots' "
                + "remaining units drop and the lines' fulfilled units rise at once; the order enters processing. Audited.")
            .WithValidation<CreateFulfillmentRequest>()
            .WithIdempotency()
            .ProducesErrors(StatusCodes.Status404NotFound, FulfillmentErrors.OrderNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, FulfillmentErrors.OrderNotPaid, FulfillmentErrors.FulfillmentExceedsOrder,
                FulfillmentErrors.OrderItemNotFound, FulfillmentErrors.BatchUnavailable, FulfillmentErrors.InsufficientStock);

    private static Task<Results<Created<FulfillmentResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, CreateFulfillmentRequest request, CreateFulfillmentHandler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(id, request, cancellationToken);
}
