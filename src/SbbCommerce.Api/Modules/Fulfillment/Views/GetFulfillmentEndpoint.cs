namespace SbbCommerce.Api.Modules.Fulfillment.Views;

internal static class GetFulfillmentEndpoint
{
    public static RouteHandlerBuilder MapGetFulfillment(this RouteGroupBuilder admin) =>
        admin.MapGet("/fulfillments/{id:guid}", HandleAsync)
            .WithName("GetFulfillment")
            .WithSummary("A fulfilment with its items and their lots (batch number, COA), status history, label and tracking.")
            .WithDescription("404 `fulfillment_not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<FulfillmentResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, FulfillmentReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(id, cancellationToken) is { } fulfillment
            ? TypedResults.Ok(fulfillment)
            : ApiProblems.NotFound(FulfillmentErrors.FulfillmentNotFound, "Fulfilment not found.");
}
