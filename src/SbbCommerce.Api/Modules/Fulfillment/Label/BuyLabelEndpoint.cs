using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;
using SbbCommerce.Api.Modules.Fulfillment.Shipping;
using SbbCommerce.Api.Modules.Fulfillment.Views;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Label;

/// <summary>Which rate to buy.</summary>
/// <param name="RateId">A Shippo rate of this fulfilment's shipment; absent: the cheapest of the order's service level (else the cheapest).</param>
internal sealed record BuyLabelRequest(string? RateId);

internal static class BuyLabelEndpoint
{
    public static RouteHandlerBuilder MapBuyLabel(this RouteGroupBuilder admin) =>
        admin.MapPost("/fulfillments/{id:guid}/label", HandleAsync)
            .WithName("BuyFulfillmentLabel")
            .WithSummary("Buy a Shippo label: a shipment (rates) from Shipping:FromAddress to the fulfilment's address, then the label "
                + "of the chosen rate. Records the Shippo ids, label URL, cost, carrier, service level and tracking; ship then needs no "
                + "tracking of its own. Audited.")
            .WithDescription("404 `fulfillment_not_found`; 422 `invalid_transition` (shipped, or a label already bought), "
                + "`rate_unavailable`, `provider_rejected`; 502 `provider_unavailable`; 503 `provider_not_configured`.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>Shippo is called outside any transaction; the result is saved under the shipment's lock, re-checked.</summary>
    private static async Task<Results<Ok<FulfillmentResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, HttpRequest http, IOptionsSnapshot<ShippingOptions> options, ShippoClient shippo, SbbDbContext db, IOrderFulfillment orders,
        IProductCatalog catalog, IAuditWriter audit, TimeProvider timeProvider, FulfillmentReader reader, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var config = options.Value;
        if (!config.Shippo.IsConfigured)
        {
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, FulfillmentErrors.ProviderNotConfigured,
                "Labels are not configured (Shipping:Shippo:BaseUrl and Shipping:Shippo:Token).");
        }

        var request = await ReadBodyAsync(http, cancellationToken);
        var shipment = await db.Set<Shipment>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (shipment is null)
        {
            return ApiProblems.NotFound(FulfillmentErrors.FulfillmentNotFound, "Fulfilment not found.");
        }

        if (Refusal(shipment) is { } refused)
        {
            return refused;
        }

        var order = (await orders.FindManyAsync([shipment.OrderId], cancellationToken))[0];
        var items = await db.Set<ShipmentItem>().AsNoTracking().Where(i => i.FulfillmentId == id).ToListAsync(cancellationToken);
        var lines = order.Lines.ToDictionary(l => l.Id);
        var products = await catalog.GetProductsAsync(items.Select(i => lines[i.OrderItemId].ProductId).Distinct().ToList(), cancellationToken);
        var weights = products.ToDictionary(p => p.Id, p => p.WeightGrams ?? 0);
        var grams = Math.Max(1, items.Sum(i => weights.GetValueOrDefault(lines[i.OrderItemId].ProductId) * i.Quantity));

        var log = loggers.CreateLogger(typeof(BuyLabelEndpoint).FullName!);
        var created = await shippo.CreateShipmentAsync(new ShippoShipmentRequest(From(config.FromAddress), To(shipment.ShippingAddress),
            [new ShippoParcel("6", "4", "2", "in", grams.ToString(CultureInfo.InvariantCulture), "g")], false), cancellationToken);
        if (created.Value is not { } shippoShipment)
        {
            return Failed(log, shipment, created.Failure!.Value, created.Detail);
        }

        var rates = shippoShipment.Rates ?? [];
        var rate = request?.RateId is { } wanted
            ? rates.FirstOrDefault(r => r.ObjectId == wanted)
            : Cheapest(rates.Where(r => Matches(r, order.ShippingMethod))) ?? Cheapest(rates);
        if (rate is null)
        {
            return ApiProblems.Unprocessable(FulfillmentErrors.RateUnavailable,
                request?.RateId is null ? "Shippo offered no rate for this parcel." : "That rate is not one of this shipment's rates.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["rates"] = rates.Select(r => new { r.ObjectId, r.Provider, ServiceLevel = r.Servicelevel?.Token, r.Amount }).ToList(),
                });
        }

        var bought = await shippo.BuyLabelAsync(rate.ObjectId, cancellationToken);
        if (bought.Value is not { } transaction)
        {
            return Failed(log, shipment, bought.Failure!.Value, bought.Detail);
        }

        await using (var dbTransaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var locked = await ShipmentStore.LockAsync(db, id, cancellationToken);
            if (Refusal(locked) is { } late)
            {
                return late; // another admin shipped it or bought a label meanwhile
            }

            var cost = Cents(rate.Amount);
            locked.ShippoShipmentId = shippoShipment.ObjectId;
            locked.ShippoRateId = rate.ObjectId;
            locked.ShippoLabelUrl = transaction.LabelUrl;
            locked.ShippingCostCents = cost;
            locked.Carrier = Truncate(rate.Provider?.ToLowerInvariant(), 50);
            locked.ServiceLevel = Truncate(rate.Servicelevel?.Token ?? rate.Servicelevel?.Name, 50);
            locked.TrackingNumber = Truncate(transaction.TrackingNumber, 100);
            locked.TrackingUrl = transaction.TrackingUrlProvider;
            locked.UpdatedAt = timeProvider.GetDatabaseNow();
            audit.Record("fulfillment.label_bought", "fulfillment", locked.Id, null, new
            {
                locked.ShippoShipmentId, locked.ShippoRateId, locked.ShippingCostCents, locked.Carrier, locked.ServiceLevel, locked.TrackingNumber,
            });
            await db.SaveChangesAsync(cancellationToken);
            await dbTransaction.CommitAsync(cancellationToken);
            FulfillmentLog.LabelBought(log, locked.FulfillmentNumber, locked.Carrier, locked.ServiceLevel, cost ?? 0);
        }

        return TypedResults.Ok((await reader.ReadAsync(id, cancellationToken))!);
    }

    private static ProblemHttpResult? Refusal(Shipment shipment) =>
        shipment.ShippedAt is not null || shipment.Status != FulfillmentStatus.Unfulfilled || shipment.ShippoLabelUrl is not null
            ? ApiProblems.Unprocessable(FulfillmentErrors.InvalidTransition, "A label is bought once, before the fulfilment ships.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["currentStatus"] = shipment.Status })
            : null;

    private static ProblemHttpResult Failed(ILogger log, Shipment shipment, ShippoFailure failure, string? detail)
    {
        FulfillmentLog.ShippoFailed(log, shipment.FulfillmentNumber, failure.ToString());
        return failure == ShippoFailure.Rejected
            ? ApiProblems.Unprocessable(FulfillmentErrors.ProviderRejected, "Shippo refused the shipment or the label.", detail)
            : ApiProblems.Problem(StatusCodes.Status502BadGateway, FulfillmentErrors.ProviderUnavailable, "Shippo is not answering; try again later.", detail);
    }

    /// <summary>The body is optional: none, or <c>{ "rateId": ... }</c>.</summary>
    private static async Task<BuyLabelRequest?> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength is 0 or null && http.Headers.TransferEncoding.Count == 0)
        {
            return null;
        }

        try
        {
            return await http.ReadFromJsonAsync<BuyLabelRequest>(cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool Matches(ShippoRate rate, string? serviceLevel) =>
        serviceLevel is not null
        && ((rate.Servicelevel?.Token?.Contains(serviceLevel, StringComparison.OrdinalIgnoreCase) ?? false)
            || (rate.Servicelevel?.Name?.Contains(serviceLevel, StringComparison.OrdinalIgnoreCase) ?? false));

    private static ShippoRate? Cheapest(IEnumerable<ShippoRate> rates) =>
        rates.Where(r => Cents(r.Amount) is not null).OrderBy(r => Cents(r.Amount)).ThenBy(r => r.ObjectId, StringComparer.Ordinal).FirstOrDefault();

    private static int? Cents(string amount) =>
        decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? (int)Math.Round(value * 100, MidpointRounding.AwayFromZero)
            : null;

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    private static ShippoAddress From(FromAddressOptions from) =>
        new(from.Name ?? "Science Based Body", from.Street1 ?? "", null, from.City ?? "", from.State ?? "", from.Zip ?? "", from.Country ?? "US",
            from.Phone, from.Email);

    private static ShippoAddress To(string snapshot)
    {
        using var document = JsonDocument.Parse(snapshot);
        var a = document.RootElement;
        string? Read(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new ShippoAddress(Read("recipientName") ?? "", Read("streetLine1") ?? "", Read("streetLine2"), Read("city") ?? "",
            Read("stateProvince") ?? "", Read("postalCode") ?? "", Read("countryCode") ?? "US", Read("phone"), null);
    }
}
