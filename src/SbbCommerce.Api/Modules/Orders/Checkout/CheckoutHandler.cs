using SbbCommerce.Api.Common.Faults;
using SbbCommerce.Api.Common.Compliance;
using SbbCommerce.Api.Modules.Cart.Contracts;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.StateMachine;
using SbbCommerce.Api.Modules.Orders.Views;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Orders.Checkout;

/// <summary>
/// Checkout: every rule first (reads only, so a refusal writes nothing), then ONE transaction: the order with
/// snapshots and its first history row, the first payment, the cart converted, the events, and last the hot rows
/// (discount use counted, stock reserved, all lines or none) just before the commit; a refusal there rolls all back.
/// </summary>
internal sealed class CheckoutHandler(
    SbbDbContext db,
    ICartCheckout carts,
    IInventoryService inventory,
    ICustomerDirectory customers,
    IPaymentsModule payments,
    OrderTransitions transitions,
    IEventRecorder events,
    IOptions<ComplianceOptions> compliance,
    IOptions<OrdersOptions> options,
    SoldOutGate soldOut,
    IShippingRates shippingRates,
    IFaultPoint faults,
    TimeProvider timeProvider)
{
    public async Task<Results<Created<CheckoutResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        Guid userId, CheckoutRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        // A product this host just saw sell out: refuse after one light query (see SoldOutGate).
        if (soldOut.SoldOut(await carts.ProductIdsAsync(userId, cancellationToken)) is { Count: > 0 } gone)
        {
            return SoldOutQueue.Refusal(gone);
        }

        var customer = await customers.GetComplianceAsync(userId, cancellationToken);
        var shipping = await customers.GetAddressAsync(userId, request.ShippingAddressId, cancellationToken);
        var billing = request.BillingAddressId is { } billingId ? await customers.GetAddressAsync(userId, billingId, cancellationToken) : shipping;
        if (customer is null || shipping is null || billing is null)
        {
            return Common.Problems.ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [shipping is null ? "shippingAddressId" : "billingAddressId"] = ["No such address of yours."],
            });
        }

        var quote = await carts.QuoteAsync(userId, shipping.Id, cancellationToken);
        var products = quote is null ? [] : quote.Products.ToDictionary(p => p.Id);
        ShippingOption? shippingOption = null;
        if (quote is not null)
        {
            // The customer pays shipping: the rate table's price for the parcel, part of the total every rule sees.
            var weight = ParcelWeight.Of(quote.Lines.Where(l => l.Purchasable).Select(l => (l.ProductId, l.Quantity)), quote.Products);
            var options = shippingRates.Quote(weight, quote.SubtotalCents - quote.DiscountCents);
            shippingOption = request.ShippingServiceLevel is { } wanted
                ? options.FirstOrDefault(o => string.Equals(o.ServiceLevel, wanted, StringComparison.OrdinalIgnoreCase))
                : options.Count > 0 ? options[0] : null;
            if (shippingOption is null && request.ShippingServiceLevel is not null)
            {
                return Common.Problems.ApiProblems.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    ["shippingServiceLevel"] = [$"Not a service level for this cart; one of: {string.Join(", ", options.Select(o => o.ServiceLevel))}."],
                });
            }

            quote = quote with { TotalCents = quote.TotalCents + (shippingOption?.PriceCents ?? 0) };
        }

        var method = await payments.FindActiveMethodAsync(request.PaymentMethodId, cancellationToken);
        var refusal = CheckoutRules.FirstRefusal(new CheckoutRules.Facts(
            request, quote, products, customer, shipping, method, compliance.Value, options.Value.RequireVerifiedEmail));
        if (refusal is not null)
        {
            return refusal;
        }

        return await PlaceAsync(customer, quote!, shippingOption, products, shipping, billing, method!, request, context, cancellationToken);
    }

    private async Task<Results<Created<CheckoutResponse>, ProblemHttpResult, ValidationProblem>> PlaceAsync(
        CustomerCompliance customer, CheckoutQuote quote, ShippingOption? shippingOption, Dictionary<Guid, ProductSnapshot> products, CustomerAddress shipping,
        CustomerAddress billing, PaymentMethodView method, CheckoutRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        // Already sold out in committed stock: answer at once, before writing anything or queueing on the product row.
        var shortages = quote.Lines.Select(l => (Line: l, Product: products[l.ProductId]))
            .Where(x => x.Product.TrackInventory && (x.Product.QuantityAvailable ?? 0) < x.Line.Quantity)
            .Select(x => new StockShortage(x.Line.ProductId, x.Line.Quantity, Math.Max(x.Product.QuantityAvailable ?? 0, 0)))
            .ToList();
        if (shortages.Count > 0)
        {
            soldOut.MarkSoldOut(shortages.Where(x => x.Available == 0).Select(x => x.ProductId));
            return InsufficientStock(shortages, products);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // A failed save ends the checkout (the transaction rolls back whole), so EF's savepoint around the save would
        // be two round trips per order for nothing.
        db.Database.AutoSavepointsEnabled = false;
        var now = timeProvider.GetDatabaseNow();
        var number = await db.NextAsync(HumanReferences.Order, "SBB", cancellationToken);
        var order = new Order
        {
            Id = Guid.CreateVersion7(),
            OrderNumber = number,
            UserId = customer.UserId,
            CustomerEmail = customer.Email,
            CustomerName = Truncate(customer.FullName.Length > 0 ? customer.FullName : shipping.RecipientName, 200),
            Status = OrderStatus.PendingPayment,
            ShippingAddress = JsonDefaults.Serialize(shipping),
            BillingAddress = JsonDefaults.Serialize(billing),
            SubtotalCents = quote.SubtotalCents,
            DiscountCents = quote.DiscountCents,
            TaxCents = quote.TaxCents,
            ShippingCents = shippingOption?.PriceCents ?? 0,
            ShippingMethod = shippingOption?.ServiceLevel,
            ShippingCarrier = shippingOption?.Carrier,
            TotalCents = quote.TotalCents, // shipping included (see HandleAsync)
            DiscountId = quote.DiscountId,
            DiscountCode = quote.DiscountCode,
            AgeVerified = customer.AgeVerified,
            ComplianceAcknowledged = true,
            ComplianceVersion = request.ComplianceVersion!,
            ComplianceAcknowledgedAt = now,
            IpAddress = context.IpAddress,
            SourceCartId = quote.CartId,
            UtmSource = quote.UtmSource,
            UtmMedium = quote.UtmMedium,
            UtmCampaign = quote.UtmCampaign,
            CustomerNotes = request.CustomerNotes,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Set<Order>().Add(order);
        var items = quote.Lines.Select(line => new OrderItem
        {
            Id = Guid.CreateVersion7(),
            OrderId = order.Id,
            ProductId = line.ProductId,
            ProductSku = products[line.ProductId].Sku,
            ProductName = products[line.ProductId].Name,
            Quantity = line.Quantity,
            UnitPriceCents = line.UnitPriceCents,
            BatchNumber = products[line.ProductId].CurrentBatchNumber,
            CreatedAt = now,
        }).ToList();
        db.Set<OrderItem>().AddRange(items);
        var actor = StatusActor.Customer(customer.UserId);
        var history = transitions.Start(order, actor);
        var payment = await payments.InitiateAsync(
            new NewPayment(order.Id, order.OrderNumber, customer.UserId, customer.Email, method.Id, order.TotalCents, actor, context.IpAddress, context.UserAgent), cancellationToken);
        await carts.MarkConvertedAsync(quote.CartId, order.Id, cancellationToken);
        RecordEvents(order, quote, context);
        await db.SaveChangesAsync(cancellationToken);

        // The hot rows last: a discount's use count and the products' stock are locked from here to the commit
        // only, so in a flash sale each winner holds the product row for a moment, not for the whole checkout.
        if (quote.DiscountId is { } discountId && await carts.ConsumeDiscountAsync(discountId, customer.UserId, cancellationToken) is { } reason)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return CheckoutRules.Refuse(OrdersErrors.DiscountInvalid, "The discount code can no longer be used.", ("reason", reason));
        }

        var reservation = await inventory.ReserveAsync(quote.Lines.Select(l => new StockLine(l.ProductId, l.Quantity)).ToList(), cancellationToken);
        if (!reservation.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            soldOut.MarkSoldOut(reservation.Shortages.Where(s => s.Available == 0).Select(s => s.ProductId));
            return InsufficientStock(reservation.Shortages, products);
        }

        faults.Reach(FaultPoints.CheckoutBeforeCommit);
        await transaction.CommitAsync(cancellationToken);
        faults.Reach(FaultPoints.CheckoutAfterCommit);

        // Everything the answer shows was just written: build it from memory instead of reading it back.
        var view = OrderResponse.From(order, items, [payment], [history], []);
        return TypedResults.Created($"/api/v1/orders/{order.OrderNumber}", new CheckoutResponse(view, payment));
    }

    private static ProblemHttpResult InsufficientStock(IEnumerable<StockShortage> shortages, Dictionary<Guid, ProductSnapshot> products) =>
        CheckoutRules.Refuse(OrdersErrors.InsufficientStock, "Not enough stock for some products.",
            ("shortages", shortages.Select(s => new { s.ProductId, products[s.ProductId].Name, s.Requested, s.Available }).ToList()));

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private void RecordEvents(Order order, CheckoutQuote quote, RequestContext context)
    {
        var properties = new { order.OrderNumber, order.TotalCents, Lines = quote.Lines.Count, order.DiscountCode };
        foreach (var name in new[] { "checkout.started", "checkout.completed", "order.created" })
        {
            events.Record(new ServerEvent(name) { UserId = order.UserId, CartId = quote.CartId, OrderId = order.Id, Properties = properties }.WithRequest(context));
        }
    }
}
