using System.Text;
using Microsoft.Net.Http.Headers;
using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Recall;

internal static class BatchRecipientsEndpoint
{
    public static RouteHandlerBuilder MapBatchRecipients(this RouteGroupBuilder admin) =>
        admin.MapGet("/batches/{id:guid}/recipients", HandleAsync)
            .WithName("ListBatchRecipients")
            .WithSummary("Recall: every order, customer (email, name), fulfilment, ship date and quantity of the lot, from the shipment "
                + "lines that drew from it, oldest first (keyset pages). `Accept: text/csv` answers every row as CSV.")
            .Produces<PagedResponse<BatchRecipientResponse>>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesErrors(StatusCodes.Status404NotFound, FulfillmentErrors.BatchNotFound);

    private static async Task<Results<Ok<PagedResponse<BatchRecipientResponse>>, ContentHttpResult, ProblemHttpResult>> HandleAsync(
        Guid id, int? limit, string? cursor, HttpRequest http, IBatchRegistry batches, BatchRecipients recipients, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(limit, cursor);
        if (!page.TryReadCursor(out RecipientCursor? after))
        {
            return ApiProblems.InvalidCursor();
        }

        if (await batches.FindAsync(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound(FulfillmentErrors.BatchNotFound, "No such batch.");
        }

        if (WantsCsv(http))
        {
            return TypedResults.Text(Csv(await recipients.ReadAllAsync(id, shippedOnly: false, cancellationToken)), "text/csv", Encoding.UTF8);
        }

        var rows = await recipients.ReadAsync(id, shippedOnly: false, after, page.Limit + 1, cancellationToken);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, r => r.Row, r => r.Key));
    }

    private static bool WantsCsv(HttpRequest http) =>
        MediaTypeHeaderValue.TryParseList(http.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    private static string Csv(IEnumerable<BatchRecipientResponse> rows)
    {
        var csv = new StringBuilder();
        csv.Append("order_number,order_status,customer_email,customer_name,fulfillment_number,fulfillment_status,carrier,tracking_number,shipped_at,delivered_at,sku,quantity\r\n");
        foreach (var r in rows)
        {
            string[] cells =
            [
                r.OrderNumber, SnakeCaseEnum.Label(r.OrderStatus), r.CustomerEmail, r.CustomerName, r.FulfillmentNumber, SnakeCaseEnum.Label(r.FulfillmentStatus),
                r.Carrier ?? "", r.TrackingNumber ?? "", r.ShippedAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "",
                r.DeliveredAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "", r.Sku, r.Quantity.ToString(CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a customer's name as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
