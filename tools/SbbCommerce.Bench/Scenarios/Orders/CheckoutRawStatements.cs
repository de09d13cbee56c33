using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SbbCommerce.Bench.Scenarios.Commerce;

namespace SbbCommerce.Bench.Scenarios.Orders;

/// <summary>
/// What one checkout sends to PostgreSQL, statement for statement and round trip for round trip, as the host's
/// checkout does it (its list: docs/performance.md; pinned by RoundTripTests in the integration tests): the
/// idempotency claim, five reads, then one transaction (two reference numbers, the cart converted, one batch of ten
/// inserts, the conditional stock update, COMMIT), then the idempotency answer stored.
/// </summary>
internal static class CheckoutRawStatements
{
    /// <summary>Commands per order; one COMMIT besides.</summary>
    public const int Commands = 13;

    private const string ComplianceVersion = "2026-11";

    // The size of the host's 201 body for a one-line order, stored with the idempotency key as the host stores it.
    private static readonly byte[] ResponseBody = new byte[1_600];

    /// <summary>One cart per buyer holding one unit of the product of the same index (what checkout's set-up makes through the API).</summary>
    public static async Task<Guid[]> FillCartsAsync(NpgsqlDataSource database, BenchBuyer[] buyers, Guid[] products, CancellationToken cancellationToken)
    {
        var carts = buyers.Select(_ => Guid.CreateVersion7()).ToArray();
        await using var command = database.CreateCommand("""
            WITH c AS (
                INSERT INTO carts (id, user_id, status, subtotal_cents, total_cents, created_at, updated_at, expires_at)
                SELECT t.cart_id, t.user_id, 'active', @price, @price, now(), now(), now() + interval '30 days'
                  FROM unnest(@carts, @users) AS t(cart_id, user_id)
                RETURNING id)
            INSERT INTO cart_items (id, cart_id, product_id, quantity, unit_price_cents, created_at, updated_at)
            SELECT gen_random_uuid(), t.cart_id, t.product_id, 1, @price, now(), now()
              FROM unnest(@carts, @products) AS t(cart_id, product_id)
            """);
        command.Parameters.AddWithValue("carts", carts);
        command.Parameters.AddWithValue("users", buyers.Select(b => b.UserId).ToArray());
        command.Parameters.AddWithValue("products", products[..buyers.Length]);
        command.Parameters.AddWithValue("price", BenchSeed.DefaultPriceCents);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return carts;
    }

    public static async Task PlaceOrderAsync(NpgsqlDataSource database, RawBuyer buyer, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // 1. The idempotency claim (its own statement, committed at once, as the host's middleware does).
            var keyId = Guid.CreateVersion7();
            await ExecuteAsync(connection, null, """
                INSERT INTO idempotency_keys (id, caller, idempotency_key, request_method, request_path, request_hash,
                                              status, locked_until, created_at, expires_at)
                VALUES (@id, @caller, @key, 'POST', '/api/v1/checkout', @hash, 'in_progress', @locked, @now, @expires)
                ON CONFLICT (caller, idempotency_key) DO UPDATE
                   SET id = EXCLUDED.id, status = 'in_progress', locked_until = EXCLUDED.locked_until
                 WHERE idempotency_keys.expires_at <= @now
                RETURNING id
                """, cancellationToken, ("id", keyId), ("caller", $"user:{buyer.UserId}"), ("key", buyer.IdempotencyKey),
                ("hash", new string('a', 64)), ("locked", now.AddMinutes(2)), ("now", now), ("expires", now.AddDays(1))).ConfigureAwait(false);

            // 2-6. The reads: cart with its lines, customer with profile, address, products, current batches, payment method.
            var (productId, quantity) = await ReadCartAsync(connection, buyer, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, """
                SELECT u.*, p.first_name, p.last_name FROM users u LEFT JOIN user_profiles p ON p.user_id = u.id WHERE u.id = @id LIMIT 2
                """, cancellationToken, ("id", buyer.UserId)).ConfigureAwait(false);
            var address = await ReadAddressAsync(connection, buyer, cancellationToken).ConfigureAwait(false);
            var (sku, name, price) = await ReadProductAsync(connection, productId, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, """
                SELECT product_id, batch_number, coa_file_url, manufactured_at, expires_at FROM product_batches
                 WHERE product_id = ANY(@ids) AND coa_verified AND is_active AND recalled_at IS NULL AND expires_at > @today
                 ORDER BY manufactured_at DESC, created_at DESC, id DESC
                """, cancellationToken, ("ids", new[] { productId }), ("today", DateOnly.FromDateTime(now))).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "SELECT * FROM payment_methods WHERE id = @id AND is_active LIMIT 2",
                cancellationToken, ("id", StoreApi.ZellePaymentMethodId)).ConfigureAwait(false);

            // 7-12. One transaction: two reference numbers, the cart converted, one batch of inserts, the stock, COMMIT.
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var orderNumber = $"SBB-{await NextAsync(connection, transaction, "order_number_seq", cancellationToken).ConfigureAwait(false)}";
                var paymentReference = $"PAY-{await NextAsync(connection, transaction, "payment_reference_seq", cancellationToken).ConfigureAwait(false)}";
                var orderId = Guid.CreateVersion7();
                await ExecuteAsync(connection, transaction, """
                    UPDATE carts SET status = 'converted', converted_to_order_id = @order, converted_at = @now, updated_at = @now
                     WHERE id = @id AND status = 'active'
                    """, cancellationToken, ("order", orderId), ("now", now), ("id", buyer.CartId)).ConfigureAwait(false);
                var total = price * quantity;
                await InsertOrderAsync(connection, transaction, buyer, new NewRawOrder(
                    orderId, orderNumber, paymentReference, productId, sku, name, quantity, price, total, address, now), cancellationToken).ConfigureAwait(false);
                var reserved = await ExecuteAsync(connection, transaction, """
                    UPDATE products SET quantity_reserved = quantity_reserved + @quantity
                     WHERE id = @id AND deleted_at IS NULL AND (NOT track_inventory OR quantity_on_hand - quantity_reserved >= @quantity)
                    """, cancellationToken, ("quantity", quantity), ("id", productId)).ConfigureAwait(false);
                if (reserved != 1)
                {
                    throw new InvalidOperationException($"Product {productId} is sold out; checkout-raw gives every buyer a product of their own.");
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            // 13. The answer stored under the key.
            await ExecuteAsync(connection, null, """
                UPDATE idempotency_keys SET status = 'completed', response_status = 201, response_headers = @headers,
                       response_body = @body, completed_at = @now
                 WHERE id = @id
                """, cancellationToken, ("headers", new JsonParameter("""{"ContentType":"application/json; charset=utf-8","Location":"/api/v1/orders"}""")),
                ("body", ResponseBody), ("now", DateTime.UtcNow), ("id", keyId)).ConfigureAwait(false);
        }
    }

    // The ten inserts of the order in ONE batch (one round trip), as EF Core's SaveChanges sends them.
    private static async Task InsertOrderAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RawBuyer buyer, NewRawOrder order, CancellationToken cancellationToken)
    {
        var paymentId = Guid.CreateVersion7();
        var attemptId = Guid.CreateVersion7();
        var properties = JsonSerializer.Serialize(new { order.OrderNumber, order.TotalCents, Lines = 1, DiscountCode = (string?)null });
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var (eventName, payment) in new[] { ("checkout.started", false), ("checkout.completed", false), ("order.created", false), ("payment.initiated", true) })
            {
                Add(batch, """
                    INSERT INTO events (id, created_at, event_name, event_category, user_id, cart_id, order_id, payment_id, properties)
                    VALUES (@id, @now, @name, @category, @user, @cart, @order, @payment, @properties)
                    """, ("id", Guid.CreateVersion7()), ("now", order.Now), ("name", eventName), ("category", eventName.Split('.')[0]),
                    ("user", buyer.UserId), ("cart", payment ? DBNull.Value : buyer.CartId), ("order", order.OrderId),
                    ("payment", payment ? paymentId : DBNull.Value), ("properties", new JsonParameter(properties)));
            }

            Add(batch, """
                INSERT INTO orders (id, order_number, user_id, customer_email, customer_name, status, shipping_address, billing_address,
                                    subtotal_cents, discount_cents, tax_cents, shipping_cents, total_cents, shipping_method, shipping_carrier,
                                    age_verified, compliance_acknowledged, compliance_version, compliance_acknowledged_at, source_cart_id,
                                    created_at, updated_at)
                VALUES (@id, @number, @user, @email, 'Bench Buyer', 'pending_payment', @address, @address, @total, 0, 0, 0, @total, 'ground', 'USPS',
                        TRUE, TRUE, @version, @now, @cart, @now, @now)
                RETURNING amount_due_cents, xmin
                """, ("id", order.OrderId), ("number", order.OrderNumber), ("user", buyer.UserId), ("email", buyer.Email),
                ("address", new JsonParameter(order.AddressJson)), ("total", order.TotalCents), ("version", ComplianceVersion), ("now", order.Now),
                ("cart", buyer.CartId));
            Add(batch, """
                INSERT INTO order_items (id, order_id, product_id, product_sku, product_name, quantity, unit_price_cents, created_at)
                VALUES (@id, @order, @product, @sku, @name, @quantity, @price, @now)
                RETURNING subtotal_cents
                """, ("id", Guid.CreateVersion7()), ("order", order.OrderId), ("product", order.ProductId), ("sku", order.Sku), ("name", order.Name),
                ("quantity", order.Quantity), ("price", order.UnitPriceCents), ("now", order.Now));
            Add(batch, """
                INSERT INTO order_status_history (id, order_id, from_status, to_status, changed_by, changed_by_type, created_at)
                VALUES (@id, @order, NULL, 'pending_payment', @user, 'customer', @now)
                """, ("id", Guid.CreateVersion7()), ("order", order.OrderId), ("user", buyer.UserId), ("now", order.Now));
            Add(batch, """
                INSERT INTO payments (id, payment_reference, order_id, user_id, payment_method_id, amount_cents, currency, status, created_at,
                                      updated_at, expires_at)
                VALUES (@id, @reference, @order, @user, @method, @total, 'USD', 'pending', @now, @now, @expires)
                RETURNING xmin
                """, ("id", paymentId), ("reference", order.PaymentReference), ("order", order.OrderId), ("user", buyer.UserId),
                ("method", StoreApi.ZellePaymentMethodId), ("total", order.TotalCents), ("now", order.Now), ("expires", order.Now.AddHours(24)));
            Add(batch, """
                INSERT INTO payment_attempts (id, payment_id, attempt_number, status, action, performed_by, performed_by_type, success,
                                              request_data, created_at)
                VALUES (@id, @payment, 1, 'initiated', 'initiate', @user, 'customer', TRUE, @data, @now)
                """, ("id", attemptId), ("payment", paymentId), ("user", buyer.UserId),
                ("data", new JsonParameter(JsonSerializer.Serialize(new { AmountCents = order.TotalCents, MethodId = StoreApi.ZellePaymentMethodId }))),
                ("now", order.Now));
            Add(batch, """
                INSERT INTO webhooks_outbox (id, destination, event_type, entity_type, entity_id, payload, status, attempts, max_attempts,
                                             scheduled_for, created_at)
                VALUES (@id, 'internal_email', 'payment.instructions', 'payment', @payment, @payload, 'pending', 0, 12, @now, @now)
                RETURNING xmin
                """, ("id", Guid.CreateVersion7()), ("payment", paymentId), ("now", order.Now),
                ("payload", new JsonParameter(JsonSerializer.Serialize(new
                {
                    To = buyer.Email, order.OrderNumber, order.PaymentReference, AmountCents = order.TotalCents, Currency = "USD", Method = "Zelle",
                    Instructions = "Send the exact amount with the payment reference in the memo.", ExpiresAt = order.Now.AddHours(24),
                }))));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            do
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                }
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    private static async Task<(Guid ProductId, int Quantity)> ReadCartAsync(NpgsqlConnection connection, RawBuyer buyer, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.*, i.id, i.product_id, i.quantity, i.unit_price_cents FROM carts c LEFT JOIN cart_items i ON i.cart_id = c.id
             WHERE c.user_id = @user AND c.status = 'active'
            """, connection);
        command.Parameters.AddWithValue("user", buyer.UserId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (reader.GetGuid(reader.GetOrdinal("product_id")), reader.GetInt32(reader.GetOrdinal("quantity")))
            : throw new InvalidOperationException($"Buyer {buyer.UserId} has no active cart.");
    }

    private static async Task<string> ReadAddressAsync(NpgsqlConnection connection, RawBuyer buyer, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, address_type, recipient_name, company, street_line_1, street_line_2, city, state_province, postal_code, country_code, phone
              FROM user_addresses WHERE id = @id AND user_id = @user AND deleted_at IS NULL LIMIT 2
            """, connection);
        command.Parameters.AddWithValue("id", buyer.ShippingAddressId);
        command.Parameters.AddWithValue("user", buyer.UserId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Serialize(new
        {
            Id = reader.GetGuid(0), RecipientName = reader.GetString(2), StreetLine1 = reader.GetString(4), City = reader.GetString(6),
            StateProvince = reader.GetString(7), PostalCode = reader.GetString(8), CountryCode = reader.GetString(9),
        });
    }

    private static async Task<(string Sku, string Name, int Price)> ReadProductAsync(NpgsqlConnection connection, Guid productId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT * FROM products WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", new[] { productId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetString(reader.GetOrdinal("sku")), reader.GetString(reader.GetOrdinal("name")), reader.GetInt32(reader.GetOrdinal("price_cents")));
    }

    private static async Task<long> NextAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sequence, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT nextval('{sequence}'::regclass)", connection, transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        // Reads are read whole, as the host's EF Core queries are.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        return reader.RecordsAffected;
    }

    private static void Add(NpgsqlBatch batch, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        batch.BatchCommands.Add(command);
    }

    private static NpgsqlParameter Parameter(string name, object value) => value switch
    {
        JsonParameter json => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Json },
        DateTime time => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = time },
        _ => new NpgsqlParameter(name, value),
    };

    private sealed record JsonParameter(string Json);

    private sealed record NewRawOrder(
        Guid OrderId, string OrderNumber, string PaymentReference, Guid ProductId, string Sku, string Name, int Quantity, int UnitPriceCents,
        int TotalCents, string AddressJson, DateTime Now);
}
