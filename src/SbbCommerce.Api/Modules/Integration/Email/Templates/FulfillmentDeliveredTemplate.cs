namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class FulfillmentDeliveredTemplate() : EmailTemplate<DeliveredMessage>("fulfillment.delivered")
{
    protected override EmailContent Render(DeliveredMessage message, EmailLinks links) =>
        new EmailBody(message.FirstName ?? string.Empty)
            .Paragraph($"Shipment {message.FulfillmentNumber} of order {message.OrderNumber} was delivered {EmailBody.Time(message.DeliveredAt)}.")
            .Paragraph("Store peptides as their label says (most lyophilised products: cold, dry and dark). "
                + "If anything arrived damaged, reply to this email within 7 days.")
            .Action("View your order", links.Order(message.OrderNumber))
            .Build(message.To, $"Order {message.OrderNumber} was delivered");
}

internal sealed record DeliveredMessage(string To, string? FirstName, string OrderNumber, string FulfillmentNumber, DateTimeOffset? DeliveredAt);
