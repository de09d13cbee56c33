using System.Net;

namespace SbbCommerce.Api.Modules.Integration.Erp;

/// <summary>What Propello answered: status, body (for the outbox row), and how long it asked us to wait.</summary>
internal sealed record PropelloAnswer(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)
{
    public static async Task<PropelloAnswer> ReadAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new PropelloAnswer(response.StatusCode, body, RetryAfterOf(response, now));
    }

    /// <summary>The ERP's id for the record (<c>{ "id": ... }</c>), or null.</summary>
    public string? ErpId()
    {
        var root = LenientJson.Parse(Body);
        return root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? id.ToString()
            : null;
    }

    /// <summary>
    /// A sales order's line ids keyed by our order item id. Propello's answer "may carry line_ids"; accepted shapes:
    /// an object keyed by our line id, an array of <c>{ order_item_id, id | line_id }</c>, or an array of ids in the
    /// order of the lines we sent.
    /// </summary>
    public IReadOnlyDictionary<Guid, string> LineIds(IReadOnlyList<Guid> sentLineIds)
    {
        ArgumentNullException.ThrowIfNull(sentLineIds);
        var lines = new Dictionary<Guid, string>();
        if (LenientJson.Parse(Body) is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("line_ids", out var ids))
        {
            return lines;
        }

        if (ids.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in ids.EnumerateObject())
            {
                if (Guid.TryParse(property.Name, out var ours) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    lines[ours] = property.Value.ToString();
                }
            }
        }
        else if (ids.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in ids.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object
                    && item.TryGetProperty("order_item_id", out var ours) && Guid.TryParse(ours.GetString(), out var ourId)
                    && (item.TryGetProperty("line_id", out var theirs) || item.TryGetProperty("id", out theirs)))
                {
                    lines[ourId] = theirs.ToString();
                }
                else if (item.ValueKind is JsonValueKind.String or JsonValueKind.Number && index < sentLineIds.Count)
                {
                    lines[sentLineIds[index]] = item.ToString();
                }

                index++;
            }
        }

        return lines;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - now : null;
    }
}
