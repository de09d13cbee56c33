namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class BatchRecallTemplate() : EmailTemplate<RecallMessage>("batch.recall_notice")
{
    protected override EmailContent Render(RecallMessage message, EmailLinks links) =>
        new EmailBody(message.FirstName ?? string.Empty)
            .Paragraph($"IMPORTANT: we are recalling batch {message.BatchNumber} of {message.ProductName} ({message.Sku}). "
                + "Our records show that you received units of this batch.")
            .Facts(("Product", message.ProductName), ("Batch", message.BatchNumber), ("Reason", message.Reason),
                ("Your orders", string.Join(", ", message.OrderNumbers ?? [])))
            .Paragraph("Please stop using the vials of this batch at once and keep them aside. Reply to this email and we will arrange "
                + "a replacement or a refund. The batch number is printed on each vial's label.")
            .Action("Check a batch certificate", links.To("/coa/" + Uri.EscapeDataString(message.BatchNumber)))
            .Build(message.To, $"Recall notice: {message.ProductName}, batch {message.BatchNumber}");
}

internal sealed record RecallMessage(
    string To, string? FirstName, string ProductName, string Sku, string BatchNumber, string? Reason, IReadOnlyList<string>? OrderNumbers);
