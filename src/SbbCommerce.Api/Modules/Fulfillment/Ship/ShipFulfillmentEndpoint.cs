using SbbCommerce.Api.Modules.Fulfillment.Views;

namespace SbbCommerce.Api.Modules.Fulfillment.Ship;

internal static class ShipFulfillmentEndpoint
{
    public static RouteHandlerBuilder MapShipFulfillment(this RouteGroupBuilder admin) =>
        admin.MapPost("/fulfillments/{id:guid}/ship", HandleAsync)
            .WithName("ShipFulfillment")
            .WithSummary("The shipment left: carrier, service level and tracking recorded; its units leave stock (on hand and reserved "
                + "drop together); the order is shipped when every unit is, else its fulfillmentProgress says shipped in part. Queues the "
                + "customer's shipped email and the ERP's shipment.created. Audited.")
            .WithDescription("404 `fulfillment_not_found`; 422 `invalid_transition` (already shipped or returned).")
            .WithValidation<ShipFulfillmentRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<Ok<FulfillmentResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ShipFulfillmentRequest request, HttpContext httpContext, ShipFulfillmentHandler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(id, request, RequestContext.From(httpContext), cancellationToken);
}
