using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace SocialStore.Domain.Data.Seed.Writers;

/// <summary>One column of a bulk insert: the entity property it fills and how to read its value from a row.</summary>
internal abstract class BulkColumn<TRow>(string property)
{
    public string Property { get; } = property;

    /// <summary>The value as an ADO.NET parameter value (null for SQL NULL).</summary>
    public abstract object? Value(TRow row);

    /// <summary>Writes the value to a PostgreSQL binary COPY; the CLR type picks the wire type (int → integer, long → bigint …).</summary>
    public abstract Task WriteAsync(NpgsqlBinaryImporter importer, TRow row, CancellationToken cancellationToken);
}

internal sealed class Column<TRow, TValue>(string property, Func<TRow, TValue> get) : BulkColumn<TRow>(property)
    where TValue : notnull
{
    public override object? Value(TRow row) => get(row);

    public override Task WriteAsync(NpgsqlBinaryImporter importer, TRow row, CancellationToken cancellationToken) =>
        importer.WriteAsync(get(row), cancellationToken);
}

internal sealed class NullableColumn<TRow, TValue>(string property, Func<TRow, TValue?> get) : BulkColumn<TRow>(property)
    where TValue : struct
{
    public override object? Value(TRow row) => get(row);

    public override Task WriteAsync(NpgsqlBinaryImporter importer, TRow row, CancellationToken cancellationToken) =>
        get(row) is { } value ? importer.WriteAsync(value, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}

/// <summary>
/// A table to fill in bulk. Table and column names come from the EF model, so the raw inserts follow
/// the mapping (and the migrations generated from it) instead of repeating it.
/// </summary>
internal sealed class BulkTable<TRow>(Type entity, params BulkColumn<TRow>[] columns)
{
    public Type Entity { get; } = entity;

    public IReadOnlyList<BulkColumn<TRow>> Columns { get; } = columns;

    public (string Table, string[] Columns) Names(DbContext db)
    {
        var entityType = db.Model.FindEntityType(Entity) ?? throw new InvalidOperationException($"{Entity.Name} is not in the model.");
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var names = Columns.Select(c =>
            (entityType.FindProperty(c.Property) ?? throw new InvalidOperationException($"{Entity.Name}.{c.Property} is not mapped."))
            .GetColumnName(store)!).ToArray();
        return (table, names);
    }
}
