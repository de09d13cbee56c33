using System.Net;
using System.Net.Sockets;
using Polly.Timeout;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Integration.Outbox;

namespace SbbCommerce.Api.Modules.Integration.Erp;

/// <summary>
/// Sends <c>epicor_propello</c> messages: each event type to its Propello call, the body the message record as it
/// was written. 200/201 and a 409 for a replayed idempotency key (same id) are success, and the ERP's id goes back
/// to the owning module's rows; 408, 429 (with its Retry-After), 5xx, timeouts and connection failures are
/// transient; any other 4xx is permanent.
/// </summary>
internal sealed class PropelloSender(
    PropelloClient client, IOptions<PropelloOptions> options, IEnumerable<IErpSyncWriteBack> writeBacks, TimeProvider timeProvider)
    : IOutboxSender
{
    private readonly Dictionary<string, IErpSyncWriteBack> _writeBacks = writeBacks
        .SelectMany(w => w.EventTypes.Select(type => (type, w))).ToDictionary(x => x.type, x => x.w, StringComparer.Ordinal);

    public string Destination => OutboxDestinations.EpicorPropello;

    public bool IsConfigured => options.Value.IsConfigured;

    public int Parallelism => Math.Max(1, options.Value.Parallelism);

    public bool DeadLetterBlocksEntity => true;

    public async Task<DeliveryResult> SendAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var payload = JsonDocument.Parse(message.Payload);
        PropelloCall call;
        try
        {
            call = PropelloCall.For(message.EventType, payload.RootElement, options.Value.Paths);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException)
        {
            return DeliveryResult.Permanent($"Cannot build the Propello call: {exception.Message}");
        }

        PropelloAnswer answer;
        try
        {
            answer = await call.SendAsync(client, message.Id, cancellationToken);
        }
        catch (PropelloAuthenticationException exception)
        {
            // A refused or unavailable API key is the operator's to fix: retried, never a dead letter at once.
            return DeliveryResult.Transient(exception.Message, (int)exception.Answer.Status, exception.Answer.Body, exception.Answer.RetryAfter);
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or TimeoutRejectedException or IOException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DeliveryResult.Transient($"Propello unavailable: {exception.GetType().Name}: {exception.Message}");
        }

        return Classify(message, payload.RootElement, call, answer);
    }

    private DeliveryResult Classify(OutboxEnvelope message, JsonElement payload, PropelloCall call, PropelloAnswer answer)
    {
        var status = (int)answer.Status;
        var erpId = answer.ErpId();
        if ((answer.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted)
            || (answer.Status == HttpStatusCode.Conflict && erpId is not null))
        {
            return DeliveryResult.Sent(status, answer.Body) with { WriteBack = WriteBack(message, payload, call, answer, erpId) };
        }

        if (answer.Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500)
        {
            return DeliveryResult.Transient($"Propello answered {status}", status, answer.Body, answer.RetryAfter);
        }

        return DeliveryResult.Permanent($"Propello refused the message with {status}", status, answer.Body);
    }

    private List<Npgsql.NpgsqlBatchCommand> WriteBack(OutboxEnvelope message, JsonElement payload, PropelloCall call, PropelloAnswer answer, string? erpId)
    {
        if (erpId is null || !_writeBacks.TryGetValue(message.EventType, out var writeBack))
        {
            return [];
        }

        var acknowledgement = new ErpAcknowledgement(erpId, answer.LineIds(call.LineIds), timeProvider.GetDatabaseNow());
        return writeBack.WriteBack(message.EventType, payload, acknowledgement).ToList();
    }
}

/// <summary>One message as a Propello call: method, path and typed body.</summary>
internal sealed record PropelloCall(HttpMethod Method, string Path, object Body, IReadOnlyList<Guid> LineIds)
{
    public static PropelloCall For(string eventType, JsonElement payload, PropelloPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        switch (eventType)
        {
            case ErpEventTypes.CustomerUpsert:
                var customer = Read<ErpCustomerUpsert>(payload);
                return new(HttpMethod.Put, paths.Customer.Replace("{id}", customer.CustomerId.ToString(), StringComparison.Ordinal), customer, []);
            case ErpEventTypes.ItemUpsert:
                var item = Read<ErpItemUpsert>(payload);
                return new(HttpMethod.Put, paths.Item.Replace("{sku}", Uri.EscapeDataString(item.Sku), StringComparison.Ordinal), item, []);
            case ErpEventTypes.SalesOrderCreated:
                var order = Read<ErpSalesOrder>(payload);
                return new(HttpMethod.Post, paths.SalesOrders, order, order.Lines.Select(l => l.OrderItemId).ToList());
            case ErpEventTypes.PaymentCompleted:
                return new(HttpMethod.Post, paths.Payments, Read<ErpPaymentCompleted>(payload), []);
            case ErpEventTypes.ShipmentCreated:
                return new(HttpMethod.Post, paths.Shipments, Read<ErpShipmentCreated>(payload), []);
            case ErpEventTypes.CreditMemoCreated:
                return new(HttpMethod.Post, paths.CreditMemos, Read<ErpCreditMemo>(payload), []);
            default:
                throw new NotSupportedException($"No Propello call for '{eventType}'.");
        }
    }

    public Task<PropelloAnswer> SendAsync(PropelloClient client, Guid messageId, CancellationToken cancellationToken) =>
        client.WriteAsync(Method, Path, Body, messageId, cancellationToken);

    private static T Read<T>(JsonElement payload) =>
        payload.Deserialize<T>(JsonDefaults.Options) ?? throw new JsonException($"The payload is not a {typeof(T).Name}.");
}
