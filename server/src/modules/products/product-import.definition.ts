import type { ImportSpec } from '#platform/objects/import-spec.ts';
import { ZCreateProductRequest, ZUpdateProductRequest } from './products.schema.ts';

/** Products are created, or matched by SKU when the import says so; a SKU already taken refuses a created row (products.sku_taken). */
export const productImport: ImportSpec = {
  fields: ['sku', 'name', 'nameEn', 'category', 'unit', 'listPrice', 'currency', 'taxRate', 'active', 'description'],
  synonyms: {
    sku: ['sku', '编码', '产品编码', '物料编码', '货号', 'productcode', 'itemcode', 'code'],
    name: ['产品', '产品名称', '名称', '品名', 'name', 'product', 'productname'],
    nameEn: ['英文名', '英文名称', 'nameen', 'englishname'],
    category: ['分类', '产品分类', '类别', 'category', 'productfamily', 'family'],
    unit: ['单位', '计量单位', 'unit', 'uom'],
    listPrice: ['价格', '标准价', '目录价', '单价', 'listprice', 'price', 'unitprice'],
    taxRate: ['税率', 'taxrate', 'tax', 'vat'],
  },
  cells: { listPrice: 'money', currency: 'currency', taxRate: 'percent' },
  matches: [],
  keys: { sku: 'sku' },
  schemas: { create: ZCreateProductRequest, update: ZUpdateProductRequest },
};
