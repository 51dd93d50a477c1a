/** For the display role: choose which open meeting this screen shows. */
export function DisplayPicker() {
  return null;
}
