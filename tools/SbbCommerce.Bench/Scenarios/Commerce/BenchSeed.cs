using Npgsql;

namespace SbbCommerce.Bench.Scenarios.Commerce;

/// <summary>A customer created by a scenario: verified, adult, KYC approved, with a default shipping address in Texas.</summary>
internal sealed record BenchBuyer(Guid UserId, string Email, Guid ShippingAddressId, string AccessToken);

/// <summary>
/// Rows a scenario needs, written straight into the database (fast, and without the rate limits, password hashing
/// and e-mail verification of the API's own paths). Everything carries the run id, so runs never collide and their
/// rows can be found afterwards: products <c>BENCH-{run}-{label}-{n}</c>, users <c>bench-{run}-{label}-{n}@bench.local</c>.
/// </summary>
internal static class BenchSeed
{
    public const int DefaultPriceCents = 2_500;

    /// <summary>A short id naming one run's rows.</summary>
    public static string NewRunId() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Active, published products anyone may buy anywhere (no age check, no KYC, no restricted state or country),
    /// tracking inventory with <paramref name="stock"/> on hand. Named "ZZ Bench ..." so the name-ordered catalog
    /// still shows the seeded products first.
    /// </summary>
    public static async Task<Guid[]> CreateProductsAsync(
        BenchContext context, string run, string label, int count, long stock, CancellationToken cancellationToken, int priceCents = DefaultPriceCents)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        await using var command = context.Database.CreateCommand("""
            INSERT INTO products (
                id, sku, name, slug, product_type, status, price_cents, track_inventory, quantity_on_hand, quantity_reserved,
                low_stock_threshold, short_description, requires_age_verification, requires_kyc, restricted_states,
                restricted_countries, published_at)
            SELECT t.id, upper(format('BENCH-%s-%s-%s', @run, @label, t.n)), format('ZZ Bench %s %s %s', @run, @label, t.n),
                   format('zz-bench-%s-%s-%s', @run, @label, t.n), 'accessory', 'active', @price, TRUE, @stock, 0,
                   0, 'Created by SbbCommerce.Bench.', FALSE, FALSE, NULL, '{}', now()
            FROM unnest(@ids) WITH ORDINALITY AS t(id, n)
            """);
        command.Parameters.AddWithValue("run", run);
        command.Parameters.AddWithValue("label", label);
        command.Parameters.AddWithValue("price", priceCents);
        command.Parameters.AddWithValue("stock", checked((int)stock));
        command.Parameters.AddWithValue("ids", ids);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ids;
    }

    /// <summary>
    /// Customers ready to check out: email verified, active, age verified, KYC approved, a profile and a default
    /// shipping address (Austin, TX 73301, US), each with a signed access token.
    /// </summary>
    public static async Task<BenchBuyer[]> CreateBuyersAsync(
        BenchContext context, BenchTokenSigner signer, string run, string label, int count, CancellationToken cancellationToken)
    {
        var userIds = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        var addressIds = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        var emails = Enumerable.Range(0, count).Select(i => $"bench-{run}-{label}-{i}@bench.local").ToArray();
        var sessionIds = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();

        var connection = await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, """
                    INSERT INTO users (
                        id, email, email_verified, email_verified_at, password_hash, auth_provider, role, status,
                        age_verified, age_verified_at, kyc_status, kyc_verified_at)
                    SELECT t.id, t.email, TRUE, now(), 'none', 'email', 'customer', 'active', TRUE, now(), 'approved', now()
                    FROM unnest(@ids, @emails) AS t(id, email)
                    """, cancellationToken, ("ids", userIds), ("emails", emails)).ConfigureAwait(false);
                await ExecuteAsync(connection, """
                    INSERT INTO user_profiles (user_id, first_name, last_name, display_name, date_of_birth)
                    SELECT t.id, 'Bench', 'Buyer', 'Bench buyer', DATE '1990-01-01'
                    FROM unnest(@ids) AS t(id)
                    """, cancellationToken, ("ids", userIds)).ConfigureAwait(false);
                await ExecuteAsync(connection, """
                    INSERT INTO user_addresses (
                        id, user_id, address_type, is_default, label, recipient_name, street_line_1, city, state_province,
                        postal_code, country_code)
                    SELECT t.address_id, t.user_id, 'shipping', TRUE, 'Bench', 'Bench Buyer', '1 Bench Way', 'Austin', 'TX', '73301', 'US'
                    FROM unnest(@ids, @address_ids) AS t(user_id, address_id)
                    """, cancellationToken, ("ids", userIds), ("address_ids", addressIds)).ConfigureAwait(false);
                await InsertSessionsAsync(connection, userIds, sessionIds, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return Enumerable.Range(0, count)
            .Select(i => new BenchBuyer(userIds[i], emails[i], addressIds[i], signer.Sign(userIds[i], emails[i], "customer", sessionIds[i])))
            .ToArray();
    }

    /// <summary>
    /// One active session per entry of <paramref name="userIds"/> (the rows a login makes): the host honours a token
    /// only while its session stands. Returns the session (family) ids, the tokens' sid.
    /// </summary>
    public static async Task<Guid[]> StartSessionsAsync(BenchContext context, Guid[] userIds, CancellationToken cancellationToken)
    {
        var sessionIds = userIds.Select(_ => Guid.CreateVersion7()).ToArray();
        var connection = await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await InsertSessionsAsync(connection, userIds, sessionIds, cancellationToken).ConfigureAwait(false);
        }

        return sessionIds;
    }

    private static Task InsertSessionsAsync(NpgsqlConnection connection, Guid[] userIds, Guid[] sessionIds, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, """
            INSERT INTO auth_sessions (id, user_id, family_id, refresh_token_hash, status, expires_at)
            SELECT t.session_id, t.user_id, t.session_id, 'bench-' || t.session_id::text, 'active', now() + interval '1 day'
            FROM unnest(@ids, @session_ids) AS t(user_id, session_id)
            """, cancellationToken, ("ids", userIds), ("session_ids", sessionIds));

    /// <summary>
    /// A token for the seeded first admin (super_admin in every environment), after checking the account exists and
    /// is an admin, so a wrong database fails the set-up with a clear message instead of a run of 401s and 403s.
    /// </summary>
    public static async Task<(Guid UserId, string Email, string Role)> FindFirstAdminAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var adminId = Guid.Parse("00000000-0000-4000-8000-000000010001");
        await using var command = context.Database.CreateCommand(
            "SELECT email, role::text FROM users WHERE id = @id AND status = 'active' AND role IN ('admin', 'super_admin') AND deleted_at IS NULL");
        command.Parameters.AddWithValue("id", adminId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (adminId, reader.GetString(0), reader.GetString(1))
            : throw new InvalidOperationException($"No active admin {adminId} in the database: seed it (the host seeds at start in Development).");
    }

    /// <summary>Runs set-up work with bounded parallelism (at most the run's concurrency, at most 64).</summary>
    public static Task ForEachAsync<T>(BenchContext context, IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Clamp(context.Options.Concurrency, 1, 64),
            CancellationToken = cancellationToken,
        }, body);

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
