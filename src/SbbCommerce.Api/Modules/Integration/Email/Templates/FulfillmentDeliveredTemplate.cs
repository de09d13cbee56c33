namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class FulfillmentDeliveredTemplate : IEmailTemplate
{
    public string EventType => "fulfillment.delivered";

    public EmailContent Render(System.Text.Json.JsonElement payload, EmailLinks links)
    {
        var message = TemplatePayload.Read<DeliveredMessage>(payload);
        return new EmailBody(message.FirstName ?? string.Empty)
            .Paragraph($"Shipment {message.FulfillmentNumber} of order {message.OrderNumber} was delivered {EmailBody.Time(message.DeliveredAt)}.")
            .Paragraph("Store peptides as their label says (most lyophilised products: cold, dry and dark). "
                + "If anything arrived damaged, reply to this email within 7 days.")
            .Action("View your order", links.Order(message.OrderNumber))
            .Build(message.To, $"Order {message.OrderNumber} was delivered");
    }
}

internal sealed record DeliveredMessage(string To, string? FirstName, string OrderNumber, string FulfillmentNumber, DateTimeOffset? DeliveredAt);
