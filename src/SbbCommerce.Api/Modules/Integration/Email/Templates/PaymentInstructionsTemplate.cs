namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class PaymentInstructionsTemplate() : EmailTemplate<PaymentInstructionsMessage>("payment.instructions")
{
    protected override EmailContent Render(PaymentInstructionsMessage message, EmailLinks links)
    {
        var body = new EmailBody(string.Empty)
            .Paragraph($"Thank you for order {message.OrderNumber}. It is reserved for you until {EmailBody.Time(message.ExpiresAt)}; "
                + $"please send {EmailBody.Money(message.AmountCents, message.Currency)} by {message.Method}.")
            .Facts(
                ("Order", message.OrderNumber),
                ("Amount", EmailBody.Money(message.AmountCents, message.Currency)),
                ("Method", message.Method),
                ("Payment reference", message.PaymentReference),
                ("Pay before", EmailBody.Time(message.ExpiresAt)));
        if (!string.IsNullOrWhiteSpace(message.Instructions))
        {
            body.Paragraph(message.Instructions);
        }

        if (message.Details is { ValueKind: JsonValueKind.Object } details)
        {
            body.Facts(details.EnumerateObject()
                .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                .Select(p => (Label(p.Name), (string?)p.Value.ToString())).ToArray());
        }

        return body
            .Paragraph($"Write {message.PaymentReference} in the memo or note of your transfer so we can match it to your order.")
            .Action("Upload your proof of payment", links.Order(message.OrderNumber))
            .Build(message.To, $"How to pay for order {message.OrderNumber}");
    }

    // Method details are stored with camelCase keys (zelleEmail): shown as "Zelle email".
    private static string Label(string key)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(key, "(?<=[a-z0-9])([A-Z])", " $1").Replace('_', ' ').ToLowerInvariant();
        return words.Length == 0 ? key : char.ToUpperInvariant(words[0]) + words[1..];
    }
}

internal sealed record PaymentInstructionsMessage(
    string To, string OrderNumber, string PaymentReference, long AmountCents, string? Currency, string Method, string? Instructions,
    JsonElement? Details, DateTimeOffset? ExpiresAt);
