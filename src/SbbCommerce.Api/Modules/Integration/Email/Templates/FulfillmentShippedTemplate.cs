namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class FulfillmentShippedTemplate() : EmailTemplate<ShippedMessage>("fulfillment.shipped")
{
    protected override EmailContent Render(ShippedMessage message, EmailLinks links)
    {
        var body = new EmailBody(message.FirstName ?? string.Empty)
            .Paragraph($"Good news: shipment {message.FulfillmentNumber} of order {message.OrderNumber} is on its way.")
            .Facts(("Carrier", message.Carrier), ("Service", message.ServiceLevel), ("Tracking number", message.TrackingNumber));
        if (!string.IsNullOrWhiteSpace(message.TrackingUrl))
        {
            body.Action("Track your package", message.TrackingUrl);
        }

        var items = message.Items ?? [];
        if (items.Count > 0)
        {
            body.Paragraph("In this package (the batch number is printed on each vial; its certificate of analysis is on our site):")
                .Facts(items.Select(i => ($"{i.Quantity} x {i.Name ?? i.Sku}", (string?)(i.BatchNumber is null ? i.Sku : $"{i.Sku}, batch {i.BatchNumber}"))).ToArray());
        }

        return body.Action("View your order", links.Order(message.OrderNumber)).Build(message.To, $"Order {message.OrderNumber} has shipped");
    }
}

internal sealed record ShippedMessage(
    string To, string? FirstName, string OrderNumber, string FulfillmentNumber, string? Carrier, string? ServiceLevel, string? TrackingNumber,
    string? TrackingUrl, IReadOnlyList<ShippedItem>? Items);

internal sealed record ShippedItem(string Sku, string? Name, int Quantity, string? BatchNumber);
