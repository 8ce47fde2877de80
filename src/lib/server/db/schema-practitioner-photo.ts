/** A practitioner's photo on the booking pages (0035). */
export interface PractitionerPhotoTable {
	practitioner_id: string;
	content_type: 'image/jpeg' | 'image/png' | 'image/webp';
	data_base64: string;
	byte_size: number;
	/** A hash of the bytes: part of the public address, so a new photo is a new address. */
	version: string;
	updated_at: string;
}

export interface PractitionerPhotoTables {
	practitioner_photo: PractitionerPhotoTable;
}
