using NpgsqlTypes;

namespace SbbCommerce.Api.Modules.Integration.Contracts;

/// <summary>Builds the positional-parameter statements modules return from <see cref="IErpSyncWriteBack"/>.</summary>
public static class ErpWriteBackSql
{
    /// <summary><c>UPDATE {table} SET {idColumn} = erp id, erp_synced_at = time WHERE id = row id</c>.</summary>
    public static NpgsqlBatchCommand SetErpId(string table, string idColumn, Guid rowId, ErpAcknowledgement acknowledgement)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        var command = new NpgsqlBatchCommand($"UPDATE {table} SET {idColumn} = $1, erp_synced_at = $2 WHERE id = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = acknowledgement.ErpId, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = acknowledgement.SyncedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = rowId, NpgsqlDbType = NpgsqlDbType.Uuid });
        return command;
    }

    /// <summary>Reads a Guid member of the message (camelCase, as the outbox writer stores it).</summary>
    public static Guid GuidOf(System.Text.Json.JsonElement payload, string member) =>
        payload.TryGetProperty(member, out var value) && value.TryGetGuid(out var id)
            ? id
            : throw new System.Text.Json.JsonException($"The message has no '{member}'.");
}
